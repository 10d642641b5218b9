import { describe, expect, it } from 'vitest';
import { syntheticContent } from '../../bench/synthetic.mjs';
import { loadSource } from '../../src/content/load.js';
import { LOAD_LIMITS, tooDeep, tooManyCollections } from '../../src/content/load-limits.js';
import { formatIssue } from '../../src/errors.js';
import { comparisonYaml } from '../helpers/comparisons.js';

/**
 * The count of list items and flow collections that refuses a crowded file before the YAML parser sees it
 * (parsing is the slow step). It must count every way YAML opens a collection, at the exact limit, and
 * nothing in prose: an honest file refused is as bad as a hostile one parsed.
 */
const MAX = LOAD_LIMITS.maxCollections;
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i));
const refusal = (path: string, text: string) =>
  loadSource({ path, text })
    .issues.map(formatIssue)
    .filter((m) => m.includes('list items and { } / [ ] collections'));

describe('collections counted before parsing', () => {
  it.each([
    ['block list items at the margin', 1, (i: number) => `- item ${i}`],
    ['indented block list items', 1, (i: number) => `    - item ${i}`],
    ['flow sequences as values', 1, (i: number) => `k${i}: [a, b]`],
    ['flow mappings as values', 1, (i: number) => `k${i}: {a: 1, b: two}`],
    ['nested block list items on one line', 2, (i: number) => `- - item ${i}`],
    ['flow collections opening lines', 1, () => '['],
  ])('counts %s up to the limit, and refuses one more', (_shape, perLine, line) => {
    const fits = lines(MAX / perLine, line);
    expect(tooManyCollections(fits.join('\n'))).toBe(-1);
    const over = [...fits, line(MAX / perLine)];
    const offset = tooManyCollections(over.join('\n'));
    // The refusal points into the line that passed the limit, so the message can name it.
    expect(offset).toBeGreaterThanOrEqual(over.slice(0, -1).join('\n').length);
    expect(offset).toBeLessThan(over.join('\n').length);
  });

  it('counts every level of a sequence nested on one line, as a hostile file nests it', () => {
    expect(tooManyCollections(`${'- '.repeat(MAX + 1)}x\n`)).toBe(0);
    expect(tooManyCollections(`${'- '.repeat(MAX)}x\n`)).toBe(-1);
    expect(tooManyCollections(`title: ${'['.repeat(MAX + 1)}${']'.repeat(MAX + 1)}\n`)).toBeGreaterThan(0);
    expect(tooManyCollections(`title: ${'['.repeat(MAX / 2)}${']'.repeat(MAX / 2)}\n`)).toBe(-1);
  });

  it('does not count dashes, brackets and braces in prose', () => {
    const prose = lines(
      MAX + 1,
      (i) => `k${i}: "Hits the host - not the guest; see [the advisory](https://example.com/a) and {braces} [x]"`,
    );
    expect(tooManyCollections(prose.join('\n'))).toBe(-1);
    const block = ['text: |', ...lines(MAX + 1, () => '  a - b [c] {d}, see [e] or {f}')];
    expect(tooManyCollections(block.join('\n'))).toBe(-1);
  });

  it('lets through the largest comparison the count limits allow (8 systems × 1,000 threats)', () => {
    expect(tooManyCollections(syntheticContent(8, 1_000))).toBe(-1);
    expect(tooManyCollections(comparisonYaml({ systems: 8, threats: 300, references: 60 }))).toBe(-1);
  });

  it('names the file and the line at which the limit was passed, in YAML and in front matter', () => {
    const items = lines(MAX + 1, (i) => `  - { id: t${i}, title: T }`);
    expect(refusal('crowded.yaml', `title: x\nthreats:\n${items.join('\n')}\n`)).toEqual([
      `crowded.yaml:${MAX + 3}:1  the file has more than ${MAX} list items and { } / [ ] collections; a comparison may have at most 1000 threats, split it into several comparisons`,
    ]);
    const markdown = `---\ntitle: x\nthreats:\n${items.join('\n')}\n---\n\n## Body\n\nText.\n`;
    expect(refusal('crowded.md', markdown)[0]).toMatch(new RegExp(`^crowded\\.md:${MAX + 4}:1 {2}the file has more`));
  });
});

/**
 * Nesting checked before parsing: the parser recurses once per level, so a file nested thousands of levels
 * deep is refused by a linear scan. Every way YAML nests counts, right at the limit; nothing in text does.
 */
describe('nesting checked before parsing', () => {
  const DEPTH = LOAD_LIMITS.maxDepth;
  // `title:` and the keys under it: one level per line.
  const indented = (levels: number) =>
    [
      'title:',
      ...Array.from({ length: levels - 2 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`),
      `${' '.repeat(levels - 1)}k: x`,
    ].join('\n');

  it.each([
    ['indentation', (n: number) => indented(n)],
    ['list items nested on one line', (n: number) => `title:\n${'- '.repeat(n - 1)}x\n`],
    ['explicit keys nested on one line', (n: number) => `title:\n  ${'? '.repeat(n - 1)}x\n`],
    ['flow sequences', (n: number) => `title: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['flow mappings', (n: number) => `title: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`],
  ])('lets %s nest to the limit and refuses one level more', (_shape, nest) => {
    expect(tooDeep(nest(DEPTH))).toBe(-1);
    expect(tooDeep(nest(DEPTH + 1))).toBeGreaterThan(0);
  });

  it('does not count brackets, braces, dashes or quotes in text', () => {
    const text = `summary: "${'[x] {y} '.repeat(200)}"\nnote: it's [${'a ] b '.repeat(200)}\nbody: |\n  ${'[ '.repeat(200)}\n`;
    expect(tooDeep(text)).toBe(-1);
    expect(tooDeep(syntheticContent(8, 1_000))).toBe(-1);
  });

  it('is not fooled by closing brackets inside quotes between the levels', () => {
    expect(tooDeep(`title: ${'[ "]", '.repeat(DEPTH + 1)}x${']'.repeat(DEPTH + 1)}\n`)).toBeGreaterThan(0);
    // An escaped quote does not end the string its bracket is in.
    expect(tooDeep(`title: ${'[ "\\"]", '.repeat(DEPTH + 1)}x${']'.repeat(DEPTH + 1)}\n`)).toBeGreaterThan(0);
  });

  it('names the line and column where the nesting passes the limit', () => {
    const issues = loadSource({
      path: 'deep.yaml',
      text: `title: x\nlist: ${'['.repeat(DEPTH + 1)}${']'.repeat(DEPTH + 1)}\n`,
    }).issues.map(formatIssue);
    expect(issues).toEqual([
      `deep.yaml:2:${7 + DEPTH}  the YAML is nested too deeply to read (more than ${DEPTH} levels); flatten it`,
    ]);
  });
});
