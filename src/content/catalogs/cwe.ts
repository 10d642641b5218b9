/**
 * A small, hand-kept subset of CWE names (their titles in the CWE list 4.x; CWE-403 and CWE-1303 re-checked
 * against cwe.mitre.org, the others to be re-checked when the list is next updated), for the
 * weaknesses container and runtime reviews cite most. It is not the CWE catalog: MITRE publishes that as
 * an XML/CSV download from cwe.mitre.org, which neither npm nor the Debian archive carries, so riskdeck
 * checks every CWE id's format and names only the ids listed here; an id not listed is accepted unnamed.
 */
export const CWE_SUBSET_LABEL = 'a small hand-kept subset of CWE titles (list 4.x), not the full catalog';

export const CWE_SUBSET: Readonly<Record<string, string>> = {
  'CWE-20': 'Improper Input Validation',
  'CWE-22': "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')",
  'CWE-59': "Improper Link Resolution Before File Access ('Link Following')",
  'CWE-78': "Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection')",
  'CWE-119': 'Improper Restriction of Operations within the Bounds of a Memory Buffer',
  'CWE-125': 'Out-of-bounds Read',
  'CWE-200': 'Exposure of Sensitive Information to an Unauthorized Actor',
  'CWE-250': 'Execution with Unnecessary Privileges',
  'CWE-269': 'Improper Privilege Management',
  'CWE-287': 'Improper Authentication',
  'CWE-362': "Concurrent Execution using Shared Resource with Improper Synchronization ('Race Condition')",
  'CWE-367': 'Time-of-check Time-of-use (TOCTOU) Race Condition',
  'CWE-400': 'Uncontrolled Resource Consumption',
  'CWE-403': "Exposure of File Descriptor to Unintended Control Sphere ('File Descriptor Leak')",
  'CWE-416': 'Use After Free',
  'CWE-732': 'Incorrect Permission Assignment for Critical Resource',
  'CWE-770': 'Allocation of Resources Without Limits or Throttling',
  'CWE-787': 'Out-of-bounds Write',
  'CWE-1303': 'Non-Transparent Sharing of Microarchitectural Resources',
};
