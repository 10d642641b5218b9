import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/content/load.js';
import { validateSource } from '../../src/content/validate.js';
import { formatIssue } from '../../src/errors.js';

const fixture = (name: string) => {
  const path = `test/fixtures/content/${name}`;
  return { path, text: readFileSync(path, 'utf8') };
};
const validate = (path: string, text: string) => validateSource(loadSource({ path, text }));
const messages = (path: string, text: string) => validate(path, text).issues.map(formatIssue);

describe('validateSource', () => {
  it('accepts the shipped comparison with no warnings', () => {
    const { path, text } = { path: 'content/runc-vs-kata.md', text: readFileSync('content/runc-vs-kata.md', 'utf8') };
    const result = validate(path, text);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.content?.systems.map((s) => s.id)).toEqual(['runc', 'kata']);
  });

  it('reports a duplicate key, an unknown key, an unknown system and a bad rating, each at its place, in one run', () => {
    const { path, text } = fixture('four-errors.md');
    expect(messages(path, text)).toEqual([
      `${path}:7:1  duplicate key "classification"; a key may appear once in a mapping, remove or rename one`,
      `${path}:17:5  threats[0].descripton: unknown field "descripton" (did you mean "description"?); remove it or fix its name`,
      `${path}:21:21  threats[0].assessments.runc.likelihood: is 9; ratings are whole numbers from 1 to 5`,
      `${path}:23:7  threats[0].assessments.kvm: unknown system "kvm" (did you mean "kata"?); add it to systems or fix the id`,
    ]);
  });

  it('reads YAML files and reports positions from line 1', () => {
    const { path, text } = fixture('minimal.yaml');
    expect(validate(path, text).issues).toEqual([]);
    const broken = text.replace('likelihood: 4', 'likelihood: "high"');
    expect(messages(path, broken)).toEqual([
      `${path}:14:44  threats[0].assessments.alpha.likelihood: must be number, not text "high"`,
    ]);
  });

  it('suggests the closest id for a misspelt reference and names duplicate ids', () => {
    const { path, text } = fixture('minimal.yaml');
    const changed = text
      .replace('  - { id: beta, name: Beta }', '  - { id: beta, name: Beta }\n  - { id: alpha, name: Again }')
      .replace(
        'summary: Two systems, one threat.',
        'summary: See [@nist-80-190].\nreferences:\n  - { id: nist-800-190, title: NIST, url: "https://nist.gov" }',
      );
    const found = messages(path, changed);
    expect(found).toContain(
      `${path}:6:10  summary: unknown reference "nist-80-190" (did you mean "nist-800-190"?); add it to references or fix the id`,
    );
    expect(found.some((m) => m.includes('systems[2].id: duplicate id "alpha"'))).toBe(true);
  });

  it('reports a value the schema refuses once, not again as an unknown id', () => {
    const { path, text } = fixture('minimal.yaml');
    const changed = `${text}defenses:\n  - { id: d, name: D, purpose: p, effectiveness: e, systems: [alpha], counters: [Not An Id, tx] }\n`;
    const found = messages(path, changed).filter((m) => m.includes('counters'));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/counters\[0\]: must be a short id of lower-case letters/);
    expect(found[1]).toMatch(/counters\[1\]: unknown threat "tx"/);
  });

  it('places an unknown citation in the Markdown body at its line and column', () => {
    const text = `---\n${readFileSync('test/fixtures/content/minimal.yaml', 'utf8')}---\n\n## Scope\n\nAs shown in\nthe guide [@gide].\n`;
    expect(messages('body.md', text)).toEqual([
      'body.md:22:11  section "Scope": cites unknown reference "gide"; add it to references or fix the id',
    ]);
  });

  it('asks for both likelihood and impact, and quotes for numeric versions', () => {
    const { path, text } = fixture('minimal.yaml');
    const changed = text.replace('likelihood: 1, impact: 2', 'likelihood: 1').replace('version: "0.1"', 'version: 0.1');
    const found = messages(path, changed);
    expect(found).toContain(`${path}:2:10  version: must be text, not number 0.1; put it in quotes, e.g. "0.1"`);
    expect(found.some((m) => m.includes('assessments.beta: has only one of likelihood and impact; add impact'))).toBe(
      true,
    );
  });

  it('refuses unsafe YAML: custom tags, merge keys, directives and alias bombs', () => {
    const { path, text } = fixture('minimal.yaml');
    expect(messages(path, text.replace('summary: Two', 'summary: !!js/function Two')).join('\n')).toMatch(
      /custom YAML tag|Unresolved tag/,
    );
    expect(messages(path, `base: &b { id: x }\nother:\n  <<: *b\n${text}`).join('\n')).toContain('merge keys');
    expect(messages(path, `%TAG ! tag:example.com,2000:\n---\n${text}`).join('\n')).toContain('directives');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(`${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`);
    const started = performance.now();
    expect(messages(path, bomb.join('\n')).join('\n')).toMatch(/alias/i);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('handles a BOM and CRLF line endings', () => {
    const { path, text } = fixture('minimal.yaml');
    expect(validate(path, `\uFEFF${text.replace(/\n/g, '\r\n')}`).issues).toEqual([]);
    const md = `\uFEFF---\r\n${text.replace(/\n/g, '\r\n')}---\r\n\r\n## Scope\r\n\r\nText.\r\n`;
    const loaded = loadSource({ path: 'x.md', text: md });
    expect(validateSource(loaded).issues).toEqual([]);
    expect(loaded.body).toEqual([{ title: 'Scope', markdown: 'Text.', line: 21 }]);
  });

  it('asks for front matter in a Markdown file', () => {
    expect(messages('x.md', '# Just a heading\n')).toEqual([
      'x.md:1:1  a Markdown content file must start with YAML front matter between two "---" lines',
    ]);
  });
});
