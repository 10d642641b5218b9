import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/content/load.js';
import { validateSource } from '../../src/content/validate.js';
import { formatIssue } from '../../src/errors.js';

const PATH = 'test/fixtures/content/every-field.md';
const text = readFileSync(PATH, 'utf8');
/** Every issue and warning, formatted, after replacing `from` (which must occur) by `to`. */
function check(from: string, to: string): { issues: string[]; warnings: string[] } {
  expect(text).toContain(from);
  const result = validateSource(loadSource({ path: PATH, text: text.replace(from, to) }));
  return { issues: result.issues.map(formatIssue), warnings: result.warnings.map(formatIssue) };
}

describe('checks of the per-item fields', () => {
  it('accepts the fixture that uses every field', () => {
    expect(check('', '')).toEqual({ issues: [], warnings: [] });
  });

  it('places a malformed CVE id at its list entry', () => {
    expect(check('cves: [CVE-2019-5736, CVE-2024-21626]', 'cves: [CVE-2019-5736, CVE-24-21626]').issues).toEqual([
      `${PATH}:53:27  threats[0].cves[1]: must be a CVE id written CVE-YYYY-NNNN (4 or more digits)`,
    ]);
  });

  it('names an unknown per-item source with the closest reference id', () => {
    expect(check('sources: [gvisor-security]', 'sources: [gvisor-securty]').issues).toEqual([
      `${PATH}:68:19  threats[0].assessments.gvisor.sources[0]: unknown reference "gvisor-securty" (did you mean "gvisor-security"?); add it to references or fix the id`,
    ]);
    const step = check('        cves: [CVE-2024-21626]\n        sources: [runc-advisory]', '        sources: [runc]');
    expect(step.issues).toEqual([
      `${PATH}:116:19  attackFlows[0].steps[0].sources[0]: unknown reference "runc"; add it to references or fix the id`,
    ]);
  });

  it('requires a definition for each scale level, and each level once', () => {
    const fair = '{ level: 3, label: Fair, definition: Meets the need with known gaps. }';
    expect(check(fair, '{ level: 3, label: Fair }').issues).toEqual([
      `${PATH}:18:7  scales.score[2].definition: is required; add it (string)`,
    ]);
    expect(check(fair, '{ level: 2, label: Fair, definition: Again. }').issues).toEqual([
      `${PATH}:16:5  scales.score: has no definition for level 3; define every level 1–5 (or remove it to use the preset)`,
      `${PATH}:18:16  scales.score[2].level: level 2 is defined twice; define each level 1–5 once`,
    ]);
  });

  it('checks results, confidences and rankings', () => {
    expect(check('result: contained', 'result: contained-ish').issues).toEqual([
      `${PATH}:124:76  attackFlows[0].steps[1].branches.kata.result: is text "contained-ish" (did you mean "contained"?); use one of: proceeds, contained, blocked, not-applicable`,
    ]);
    expect(check('confidence: medium', 'confidence: moderate').issues).toEqual([
      `${PATH}:106:17  verdicts[0].confidence: is text "moderate"; use one of: low, medium, high`,
    ]);
    expect(check('ranking: [kata, gvisor, runc]', 'ranking: [kata, gviser, runc, kata]').issues).toEqual([
      `${PATH}:107:14  verdicts[0].ranking: leaves out "gvisor"; a ranking lists every system`,
      `${PATH}:107:21  verdicts[0].ranking[1]: unknown system "gviser" (did you mean "gvisor"?); add it to systems or fix the id`,
      `${PATH}:107:35  verdicts[0].ranking[3]: system "kata" is ranked twice; list each system once`,
    ]);
  });

  it('explains authors, short names and fact labels', () => {
    const board = '  - Platform Security Review Board';
    expect(check(board, '  - { name: Board, rol: Owner }').issues).toEqual([
      `${PATH}:9:20  authors[1].rol: unknown field "rol" (did you mean "role"?); remove it or fix its name`,
    ]);
    expect(check(board, '  - { role: Owner }').issues).toEqual([
      `${PATH}:9:5  authors[1]: must be a name, or a mapping with a name and an optional role: { name: Ada, role: Reviewer }`,
    ]);
    expect(check('shortName: gVisor', 'shortName: gVisor with a far too long short name').issues).toEqual([
      `${PATH}:32:16  systems[1].shortName: is too long; use at most 24 characters`,
    ]);
    const typo = check(
      '      Implementation language: Go\n      Boundary layers: "2',
      '      Implementation lang: Go\n      Boundary layers: "2',
    );
    expect(typo.issues).toEqual([]);
    expect(typo.warnings).toContain(
      `${PATH}:36:7  systems[1].facts.Implementation lang: fact "Implementation lang" is missing on "runc", "kata" (did you mean "Implementation language"?); it shows as "—" there`,
    );
  });

  it('lets a first draft leave out version and classification', () => {
    const minimal = readFileSync('test/fixtures/content/minimal.yaml', 'utf8')
      .replace('version: "0.1"\n', '')
      .replace('classification: Public\n', '');
    expect(validateSource(loadSource({ path: 'draft.yaml', text: minimal })).issues).toEqual([]);
  });
});
