import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTACK, lookup } from '../../src/content/catalogs/index.js';
import { loadSource } from '../../src/content/load.js';
import { validateSource } from '../../src/content/validate.js';
import { formatIssue } from '../../src/errors.js';
import { compileSource } from '../../src/model/compile.js';

const PATH = 'test/fixtures/content/every-field.md';
const text = readFileSync(PATH, 'utf8');
const T1611 = '{ framework: MITRE ATT&CK, id: T1611, ourAssessment: true }';
function check(standard: string) {
  expect(text).toContain(T1611);
  const result = validateSource(loadSource({ path: PATH, text: text.replace(T1611, standard) }));
  return { issues: result.issues.map(formatIssue), warnings: result.warnings.map(formatIssue) };
}
const at = `${PATH}:51:40  threats[0].standards[0].id`;

describe('the shipped ATT&CK catalog', () => {
  it('names its ATT&CK release and source, and holds techniques, sub-techniques, tactics and mitigations', () => {
    expect(ATTACK.version).toMatch(/^\d+\.\d+$/);
    expect(ATTACK.source).toMatch(/^https:\/\/github\.com\/mitre\/cti\/tree\/[0-9a-f]{40}\/enterprise-attack$/);
    expect(Object.keys(ATTACK.entries).length).toBeGreaterThan(800);
    expect(lookup('attack', 'T1611')).toEqual({ name: 'Escape to Host', tactics: ['Privilege Escalation'] });
    expect(lookup('attack', 'T1204.003')?.name).toBe('Malicious Image');
    expect(lookup('attack', 'TA0004')?.name).toBe('Privilege Escalation');
    expect(lookup('attack', 'M1048')?.name).toBe('Application Isolation and Sandboxing');
    expect(lookup('attack', 'T1086')).toMatchObject({ name: 'PowerShell', revoked: true, revokedBy: 'T1059.001' });
  });
});

describe('standards ids checked against the catalogs', () => {
  it('accepts a current id and prints its official name, tactics and page in the model', () => {
    expect(check(T1611)).toEqual({ issues: [], warnings: [] });
    const [attack, cwe] = compileSource({ path: PATH, text }).comparison.threats[0]?.standards ?? [];
    expect(attack).toMatchObject({
      officialName: 'Escape to Host',
      tactics: ['Privilege Escalation'],
      status: 'current',
      url: 'https://attack.mitre.org/techniques/T1611/',
    });
    expect(cwe).toMatchObject({
      officialName: "Exposure of File Descriptor to Unintended Control Sphere ('File Descriptor Leak')",
      url: 'https://cwe.mitre.org/data/definitions/403.html',
    });
  });

  it('refuses an unknown id, suggesting the technique whose name the content gives, with its official name', () => {
    expect(check('{ framework: MITRE ATT&CK, id: T1699, name: Escape to Host }').issues).toEqual([
      `${at}: unknown ATT&CK id "T1699" in ATT&CK v${ATTACK.version} Enterprise (did you mean T1611 "Escape to Host"?); fix the id`,
    ]);
    expect(check('{ framework: ATT&CK, id: T1611.009 }').issues).toEqual([
      `${PATH}:51:34  threats[0].standards[0].id: unknown ATT&CK id "T1611.009" in ATT&CK v${ATTACK.version} Enterprise (did you mean T1611 "Escape to Host"?); fix the id`,
    ]);
  });

  it('refuses a revoked id and names the technique that replaced it', () => {
    expect(check('{ framework: MITRE ATT&CK, id: T1086 }').issues).toEqual([
      `${at}: ATT&CK T1086 "PowerShell" was revoked in ATT&CK v${ATTACK.version} Enterprise; use T1059.001 "PowerShell" instead`,
    ]);
  });

  it('warns on a deprecated id and on a name that is not the official one', () => {
    expect(check('{ framework: MITRE ATT&CK, id: T1043 }')).toEqual({
      issues: [],
      warnings: [
        `${at}: ATT&CK T1043 "Commonly Used Port" is deprecated in ATT&CK v${ATTACK.version} Enterprise; map to a current technique`,
      ],
    });
    expect(check('{ framework: MITRE ATT&CK, id: T1611, name: Container Escape }').warnings).toEqual([
      `${PATH}:51:53  threats[0].standards[0].name: the official name of T1611 is "Escape to Host"; use it or leave name out (it is printed beside the id)`,
    ]);
    expect(
      check('{ framework: MITRE ATT&CK, id: T1204.003, name: "User Execution: Malicious Image" }').warnings,
    ).toEqual([]);
  });

  it('checks the format of ATT&CK and CWE ids', () => {
    expect(check('{ framework: MITRE ATT&CK, id: t1611 }').issues).toEqual([
      `${at}: "t1611" is not an ATT&CK id (did you mean "T1611"?); write T1234, T1234.001, TA0001 or M1234`,
    ]);
    expect(check('{ framework: CWE, id: "416" }').issues).toEqual([
      `${PATH}:51:31  threats[0].standards[0].id: "416" is not a CWE id; write it CWE-NNN, e.g. "CWE-416"`,
    ]);
  });
});
