import type { ContentIssue, SourceLocation } from '../errors.js';
import { CWE_SUBSET } from './catalogs/cwe.js';
import { ATTACK, ATTACK_ID, ATTACK_RELEASE, attackIds, CWE_ID, catalogFor, lookup } from './catalogs/index.js';
import type { PathSegment } from './load.js';
import { formatPath } from './path.js';
import { closest } from './suggest.js';

type Locate = (path: readonly PathSegment[], at?: 'key' | 'value') => SourceLocation;
type Raw = Record<string, unknown>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const normal = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
const named = (id: string) => `${id} "${ATTACK.entries[id]?.name ?? ''}"`;

/** The entry a reader most likely meant: the one whose official name the content gives, else the closest id. */
function suggestAttack(id: string, name: unknown): string | undefined {
  const candidates = attackIds(id);
  if (typeof name === 'string') {
    const byName = candidates.find((c) => normal(ATTACK.entries[c]?.name ?? '') === normal(name));
    if (byName) return byName;
  }
  // An unknown sub-technique of a known technique most likely meant the technique.
  const parent = id.split('.')[0] ?? id;
  if (parent !== id && candidates.includes(parent)) return parent;
  return closest(id, candidates);
}

/**
 * Checks standards ids against the shipped catalogs: ATT&CK ids must be well formed and in the catalog
 * (an unknown or revoked id is an error naming the likely replacement with its official name; a
 * deprecated one a warning); CWE ids must be well formed. A `name` that differs from the official one
 * is a warning that quotes it.
 */
export function checkStandards(data: unknown, locate: Locate): { issues: ContentIssue[]; warnings: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const report = (into: ContentIssue[], path: PathSegment[], message: string) =>
    into.push({ ...locate(path), path: formatPath(path), message });

  list(record(data).threats).forEach((threat, i) => {
    list(record(threat).standards).forEach((standard, j) => {
      const s = record(standard);
      const path: PathSegment[] = ['threats', i, 'standards', j];
      if (typeof s.framework !== 'string' || typeof s.id !== 'string') return;
      const kind = catalogFor(s.framework);
      if (kind === undefined) return;
      const id = s.id.trim();
      if (kind === 'cwe') {
        if (!CWE_ID.test(id))
          report(issues, [...path, 'id'], `"${id}" is not a CWE id; write it CWE-NNN, e.g. "CWE-416"`);
        else nameCheck(warnings, report, path, s.name, CWE_SUBSET[id], id);
        return;
      }
      if (!ATTACK_ID.test(id)) {
        const hint = /^t\d/i.test(id) ? ` (did you mean "${id.toUpperCase()}"?)` : '';
        report(issues, [...path, 'id'], `"${id}" is not an ATT&CK id${hint}; write T1234, T1234.001, TA0001 or M1234`);
        return;
      }
      const entry = lookup('attack', id);
      if (!entry) {
        const guess = suggestAttack(id, s.name);
        const hint = guess === undefined ? '' : ` (did you mean ${named(guess)}?)`;
        report(issues, [...path, 'id'], `unknown ATT&CK id "${id}" in ${ATTACK_RELEASE}${hint}; fix the id`);
      } else if (entry.revoked) {
        const by = entry.revokedBy;
        const use = by === undefined ? 'remove it or pick a current technique' : `use ${named(by)} instead`;
        report(issues, [...path, 'id'], `ATT&CK ${named(id)} was revoked in ${ATTACK_RELEASE}; ${use}`);
      } else if (entry.deprecated) {
        report(
          warnings,
          [...path, 'id'],
          `ATT&CK ${named(id)} is deprecated in ${ATTACK_RELEASE}; map to a current technique`,
        );
      } else {
        nameCheck(warnings, report, path, s.name, entry.name, id);
      }
    });
  });
  return { issues, warnings };
}

/**
 * The ways an official name is commonly written: as is, without CWE's parenthesised short form
 * ("… Control Sphere ('File Descriptor Leak')"), and a sub-technique after its technique
 * ("User Execution: Malicious Image").
 */
function acceptedNames(id: string, official: string): Set<string> {
  const names = [official, official.replace(/\s*\([^()]*\)\s*$/, '')];
  const parent = /^(T\d{4})\.\d{3}$/.exec(id)?.[1];
  const parentName = parent === undefined ? undefined : ATTACK.entries[parent]?.name;
  if (parentName !== undefined) names.push(`${parentName}: ${official}`);
  return new Set(names.map(normal));
}

function nameCheck(
  warnings: ContentIssue[],
  report: (into: ContentIssue[], path: PathSegment[], message: string) => void,
  path: PathSegment[],
  name: unknown,
  official: string | undefined,
  id: string,
) {
  if (typeof name !== 'string' || official === undefined || acceptedNames(id, official).has(normal(name))) return;
  report(
    warnings,
    [...path, 'name'],
    `the official name of ${id} is "${official}"; use it or leave name out (it is printed beside the id)`,
  );
}
