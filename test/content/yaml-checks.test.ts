import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/content/load.js';
import { validateSource } from '../../src/content/validate.js';
import { formatIssue, printable } from '../../src/errors.js';

const minimal = readFileSync('test/fixtures/content/minimal.yaml', 'utf8');
const shipped = readFileSync('content/runc-vs-kata.md', 'utf8');
const messages = (path: string, text: string) => validateSource(loadSource({ path, text })).issues.map(formatIssue);

describe('keys that collide once read', () => {
  it('refuses a rating written twice under keys YAML tells apart, naming the second key', () => {
    // `likelihood` and `"likelihood"` are the same key to YAML (the parser's duplicate); 1 and "1" are not.
    const text = minimal.replace(
      '  - { id: beta, name: Beta }',
      '  - { id: beta, name: Beta }\nextra:\n  1: { likelihood: 5 }\n  "1": { likelihood: 1 }\n  true: a\n  "true": b',
    );
    const found = messages('x.yaml', text);
    expect(found).toContain(
      'x.yaml:12:3  key "1" (text) is read as the same field as the key "1" (number) above it, and would replace it; remove or rename one',
    );
    expect(found).toContain(
      'x.yaml:14:3  key "true" (text) is read as the same field as the key "true" (true/false) above it, and would replace it; remove or rename one',
    );
  });

  it('refuses a key that is a list or a mapping, at the key, and prints no process warning', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const found = messages('x.yaml', `${minimal}? [a, b]\n: x\n`);
      expect(found).toContain('x.yaml:16:3  a key must be a word, not a list');
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});

describe('aliases are reported where they are written', () => {
  it('names an alias without an anchor at its line and column', () => {
    expect(messages('x.yaml', minimal.replace('summary: Two systems, one threat.', 'summary: *nope'))).toEqual([
      'x.yaml:6:10  the alias "*nope" has no anchor "&nope" before it; define the anchor first or write the value out',
    ]);
  });

  it('names the alias at which a bomb passes the limit, not the start of the file', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(`${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`);
    const found = messages('x.yaml', bomb.join('\n'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^x\.yaml:([2-9]):\d+ {2}the aliases expand to more than 100 copies/);
    expect(found[0]).not.toMatch(/^x\.yaml:1:1/);
  });
});

describe('messages that say what to type', () => {
  it('suggests the version as written: 1.0, not 1', () => {
    const found = messages('x.yaml', minimal.replace('version: "0.1"', 'version: 1.0'));
    expect(found).toEqual(['x.yaml:2:10  version: must be text, not number 1; put it in quotes, e.g. "1.0"']);
  });

  it('offers the closest value of a list of choices', () => {
    const text = shipped.replace('status: partially-mitigated', 'status: partialy-mitigated');
    const found = messages('x.md', text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(
      'status: is text "partialy-mitigated" (did you mean "partially-mitigated"?); use one of: open, mitigated,',
    );
  });

  it('reports one tab in an indentation once, and still finds a real error after it', () => {
    const text = shipped
      .replace(
        '        likelihood: 3\n        impact: 5\n        status: open',
        '\tlikelihood: 3\n        impact: 5\n        status: open',
      )
      .replace('status: partially-mitigated', 'status: partialy-mitigated');
    const found = messages('x.md', text);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^x\.md:59:1 {2}a tab in the indentation; YAML indents with spaces only/);
    expect(found[1]).toMatch(
      /^x\.md:66:17 {2}threats\[0\]\.assessments\.kata\.status: .*did you mean "partially-mitigated"/,
    );
  });

  it('says to quote a value that a comma cut inside { }', () => {
    const text = minimal.replace(
      '{ text: Exposed., likelihood',
      '{ text: Reaches the Sentry, not the host kernel., likelihood',
    );
    expect(messages('x.yaml', text)).toEqual([
      'x.yaml:14:42  threats[0].assessments.alpha.not the host kernel.: unknown field "not the host kernel.": inside { } a comma ends a value, so the text of "text" was cut here; put the value of "text" in quotes',
    ]);
  });
});

describe('line endings', () => {
  it('reads lone CR and mixed line endings as LF: the same model and the same places', () => {
    const md = `---\n${minimal}---\n\n## Scope\n\nFirst line.\nSecond line.\n\n## Next\n\nText.\n`;
    const lf = loadSource({ path: 'x.md', text: md });
    const cr = loadSource({ path: 'x.md', text: md.replace(/\n/g, '\r') });
    // A lone CR before an empty line would read as one CRLF, so those lines end in CRLF.
    const lines = md.split('\n');
    const ending = (i: number) => (i % 3 === 0 || lines[i + 1] === '' ? '\r\n' : i % 3 === 1 ? '\r' : '\n');
    const mixed = loadSource({ path: 'x.md', text: lines.map((line, i) => line + ending(i)).join('') });
    for (const other of [cr, mixed]) {
      expect(other.data).toEqual(lf.data);
      expect(other.body).toEqual(lf.body);
      expect(JSON.stringify(other.body)).not.toContain('\r');
    }
  });
});

describe('messages print as one line each', () => {
  it('escapes line breaks, escape sequences and bidirectional controls from content and file names', () => {
    const issue = {
      file: 'content/a\nb.md',
      line: 7,
      column: 1,
      path: 'x\u202e',
      message: 'unknown field "extra\ncontent/other.yaml:1:1  forged\u001b[2J\r\t"',
    };
    const line = formatIssue(issue);
    expect(line).toBe(
      'content/a\\nb.md:7:1  x\\u202e: unknown field "extra\\ncontent/other.yaml:1:1  forged\\x1b[2J\\r\\t"',
    );
    expect(printable(printable('a\nb'))).toBe('a\\nb');
  });
});
