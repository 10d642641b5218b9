import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../helpers/pdf.js';
import { png } from '../helpers/png.js';
import { scanDeck } from './scan.js';

const run = promisify(execFile);
const BIN = resolve('lib/bundle/bin.cjs');
const CORPUS = resolve('test/hostile/corpus');

/**
 * What each corpus file must do: render (and stay inert), or be refused with this message at a place.
 * One row per attack; `test/hostile/corpus/` holds the files.
 */
const OUTCOMES: Record<string, 'renders' | RegExp> = {
  'script-tags.md': 'renders',
  'event-handlers.md': 'renders',
  'javascript-urls.md': 'renders',
  'svg-mathml.md': 'renders',
  'embeds-and-forms.md': 'renders',
  'reveal-data-attributes.md': 'renders',
  'template-syntax.md': 'renders',
  'css-and-styles.md': 'renders',
  'ordinary-content.md': 'renders',
  'top-level-fields.md': 'renders',
  'bom-crlf.md': 'renders',
  'image-parent-escape.md': /:7:10 {2}image "\.\.\/canary\.png" is outside the content file's folder/,
  'image-absolute-path.md': /:71:\d+ {2}image "\/etc\/passwd" is an absolute path/,
  'image-file-url.md': /:71:\d+ {2}image "file:\/\/\/etc\/passwd" is a URL/,
  'image-remote-url.md': /:71:\d+ {2}image "https:\/\/evil\.example\/pixel\.png" is a URL/,
  'image-symlink-escape.md': /:71:\d+ {2}image "img\/escape\.png" is outside the content file's folder/,
  'image-device-file.md': /:71:\d+ {2}image "img\/zero\.png" is (outside the content file's folder|not a regular file)/,
  'image-hard-link.md': /:71:\d+ {2}image "img\/hardlink\.png" has 2 hard links; a hard link can reach a file outside/,
  'image-refused-twice.md': /:75:\d+ {2}image "img\/escape\.png" is outside the content file's folder/,
  'image-fifo.md': /:71:\d+ {2}image "img\/fifo\.png" is not a regular file/,
  'image-svg-disguised-as-png.md': /:71:\d+ {2}image "img\/disguised\.png" is not a PNG, JPEG, GIF or WebP image/,
  'image-html-disguised-as-png.md': /:71:\d+ {2}image "img\/page\.png" is not a PNG, JPEG, GIF or WebP image/,
  'image-huge-dimensions.md': /:71:\d+ {2}image "img\/huge\.png" is 100000×100000 pixels/,
  'markdown-quadratic-emphasis.md':
    /:71:1 {2}section "Narrative": has a paragraph with more than 2000 Markdown markers/,
  'markdown-quadratic-brackets.md':
    /:71:1 {2}section "Narrative": has a paragraph with more than 2000 Markdown markers/,
  'markdown-deep-quotes.md': /:71:1 {2}section "Narrative": nests lists or quotes deeper/,
  'markdown-deep-lists.md': /:71:1 {2}section "Narrative": nests lists or quotes deeper/,
  'html-deep-nesting.md': /:71:1 {2}section "Narrative": has a paragraph with more than 2000 Markdown markers/,
  'yaml-alias-bomb.yaml': /:4:8 {2}the aliases expand to more than 100 copies .*; use fewer aliases \(at most 100\)/,
  'yaml-undefined-alias.yaml': /:6:10 {2}the alias "\*nowhere" has no anchor "&nowhere" before it/,
  'yaml-key-collision.yaml': /:15:7 {2}key "1" \(text\) is read as the same field as the key "1" \(number\) above it/,
  'yaml-complex-key.yaml': /:7:3 {2}a key must be a word, not a list/,
  'markdown-heading-spaces.md': 'renders',
  'markdown-unclosed-html.md': 'renders',
  'image-in-paragraph.md': 'renders',
  'wide-tables.md': 'renders',
  'line-endings-lone-cr.md': 'renders',
  'yaml-multiline-key.yaml': /:7:1 {2}extra\\ncontent\/other\.yaml:1:1 {2}forged error\\x1b\[2J\\u202e: unknown field/,
  'yaml-merge-keys.yaml': /:4:5 {2}YAML merge keys \("<<"\) are not allowed/,
  'yaml-directives.yaml': /:1:1 {2}YAML directives \(%YAML, %TAG\) are not allowed/,
  'yaml-custom-tags.yaml': /:1:22 {2}custom YAML tag "!!js\/function" is not allowed/,
  'yaml-deep-nesting.yaml': /:1:\d+ {2}the YAML is nested too deeply to read/,
  'invalid-utf8.yaml': /:1:11 {2}the file is not valid UTF-8/,
  'utf16.yaml': /:1:1 {2}the file is UTF-16 \(little-endian\)/,
  'utf32.yaml': /:1:1 {2}the file is UTF-32 \(big-endian\)/,
  'nul-byte.yaml': /:1:9 {2}the file contains a NUL byte/,
  'control-characters.md': /:7:10 {2}summary: contains the control character U\+0007/,
  'bidi-override.md': /:7:10 {2}summary: contains the bidirectional control U\+202E/,
  'bidi-in-url.md': /:71:\d+ {2}section "Narrative": contains the bidirectional control U\+202E/,
  'zero-width-in-url.md':
    /:71:\d+ {2}section "Narrative": has a link whose URL contains the invisible character U\+200B/,
};

/**
 * Cases too large to keep as files (each a few hundred KB), written into the project by the test. Each
 * must be refused by a count limit before anything slow runs.
 */
const minimal = readFileSync('test/fixtures/content/minimal.yaml', 'utf8');
const frontMatter = readFileSync(join(CORPUS, 'ordinary-content.md'), 'utf8').split('\n## ')[0] ?? '';
const GENERATED: Record<string, string> = {
  'count-threats.yaml': `${minimal}${Array.from(
    { length: 20_000 },
    (_, i) => `  - { id: t${i}, title: T, assessments: { alpha: { text: x, likelihood: 1, impact: 1 } } }\n`,
  ).join('')}`,
  'count-sections.md': `${frontMatter}${Array.from({ length: 20_000 }, (_, i) => `## Section ${i}\n\nText.\n\n`).join('')}`,
  'count-table-cells.md': `${frontMatter}## Wide\n\n${Array.from({ length: 102 }, (_, row) => `|${Array.from({ length: 300 }, () => (row === 1 ? '-' : 'x')).join('|')}|`).join('\n')}\n`,
  'paragraph-words.md': `${frontMatter}## Long\n\n${'word '.repeat(30_000)}\n`,
};
const GENERATED_OUTCOMES: Record<string, RegExp> = {
  'count-threats.yaml': /:\d+:1 {2}the file has more than 15000 list items and \{ \} \/ \[ \] collections/,
  'count-sections.md': /:\d+:1 {2}section "Section 200": the Markdown body has 20000 sections; the limit is 200/,
  'count-table-cells.md': /:70:1 {2}section "Wide": the Markdown tables of this file have more than 20000 cells/,
  'paragraph-words.md': /:70:1 {2}section "Long": has more than 5000 words without a blank line/,
};

const CANARY = `canary-${randomBytes(12).toString('hex')}`;
let root: string;
let project: string;
let stderr = '';
let validated = { code: 0, stdout: '', stderr: '' };
const before = new Map<string, string>();

const hashTree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map(
      (e) =>
        `${join(e.parentPath, e.name).slice(dir.length)} ${createHash('sha256')
          .update(readFileSync(join(e.parentPath, e.name)))
          .digest('hex')}`,
    )
    .sort()
    .join('\n');
const ALL = [...Object.keys(OUTCOMES), ...Object.keys(GENERATED)];
const outputOf = (file: string) => file.replace(/\.(md|yaml)$/, '');
const contentFiles = () => readdirSync(join(project, 'content')).filter((f) => /\.(md|yaml)$/.test(f));

async function riskdeck(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: project, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  // root/canary.* hold a secret outside the content folder; every escape tries to reach them.
  root = mkdtempSync(join(tmpdir(), 'riskdeck-hostile-'));
  project = join(root, 'project');
  const content = join(project, 'content');
  mkdirSync(join(content, 'img'), { recursive: true });
  writeFileSync(join(root, 'canary.txt'), CANARY);
  writeFileSync(join(project, 'canary.png'), Buffer.concat([png(4, 4), Buffer.from(CANARY)]));
  writeFileSync(join(root, 'canary.png'), Buffer.concat([png(4, 4), Buffer.from(CANARY)]));
  writeFileSync(join(content, 'img/diagram.png'), png(320, 160));
  writeFileSync(
    join(content, 'img/disguised.png'),
    `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><text>${CANARY}</text></svg>`,
  );
  writeFileSync(join(content, 'img/page.png'), `<!doctype html><script>alert(1)</script>${CANARY}`);
  writeFileSync(join(content, 'img/huge.png'), png(100_000, 100_000));
  symlinkSync(join(root, 'canary.png'), join(content, 'img/escape.png'));
  symlinkSync('/dev/zero', join(content, 'img/zero.png'));
  linkSync(join(root, 'canary.png'), join(content, 'img/hardlink.png'));
  execFileSync('mkfifo', [join(content, 'img/fifo.png')]);

  // First a good build under every name, so that a refused file must leave its last good outputs alone.
  const good = readFileSync(join(CORPUS, 'ordinary-content.md'), 'utf8');
  const goodYaml = readFileSync('test/fixtures/content/minimal.yaml', 'utf8');
  for (const file of ALL) writeFileSync(join(content, file), file.endsWith('.yaml') ? goodYaml : good);
  const first = await riskdeck('build', '--quiet');
  expect(first.code, first.stderr).toBe(0);
  for (const file of ALL) before.set(file, hashTree(join(project, 'dist', outputOf(file))));

  for (const file of Object.keys(OUTCOMES)) copyFileSync(join(CORPUS, file), join(content, file));
  for (const [file, text] of Object.entries(GENERATED)) writeFileSync(join(content, file), text);
  const [second, checked] = [await riskdeck('build', '--quiet'), await riskdeck('validate')];
  stderr = second.stderr;
  validated = checked;
  expect(second.code).toBe(1);
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the hostile corpus through the real build', () => {
  it('has an expected outcome for every corpus file', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(OUTCOMES).sort());
    expect(contentFiles().sort()).toEqual(ALL.sort());
  });

  it('gives the same verdict in validate as in build for every case, with the same first message', () => {
    for (const file of ALL) {
      const refusedBy = (text: string) => text.split('\n').filter((line) => line.startsWith(`content/${file}:`));
      const built = refusedBy(stderr).filter((line) => !/: \d+ errors?$/.test(line));
      const checked = refusedBy(validated.stderr).filter((line) => !/: \d+ errors?$/.test(line));
      expect(checked.length > 0, `${file}: build ${built.length}, validate ${checked.length}`).toBe(built.length > 0);
      // The same reason; the place too, but for the column at which a stack overflows, which varies.
      const reason = (line: string | undefined) => line?.replace(/^(\S+?:\d+):\d+ {2}/, '$1  ');
      expect(reason(checked[0]), file).toBe(reason(built[0]));
      if (built.length === 0) expect(validated.stdout).toContain(`content/${file}: ok`);
    }
    expect(validated.code).toBe(1);
  });

  const refusedFiles = [
    ...Object.entries(OUTCOMES).filter((e): e is [string, RegExp] => e[1] !== 'renders'),
    ...Object.entries(GENERATED_OUTCOMES),
  ];
  it.each(refusedFiles)('%s is refused with its place and reason, and its last good outputs stay', (file, message) => {
    const lines = stderr.split('\n').filter((line) => line.startsWith(`content/${file}:`));
    expect(
      lines.some((line) => message.test(line)),
      `${file}:\n${lines.join('\n')}`,
    ).toBe(true);
    expect(hashTree(join(project, 'dist', outputOf(file)))).toBe(before.get(file));
  });

  const rendered = Object.entries(OUTCOMES)
    .filter(([, outcome]) => outcome === 'renders')
    .map(([file]) => file);
  it.each(rendered)('%s renders a deck with nothing live from content, and the canary stays out', async (file) => {
    const dir = join(project, 'dist', outputOf(file));
    // The good build before used ordinary-content.md under every name, so the others must have changed.
    // Lone CRs are line endings: the same outputs, byte for byte, as the same file with LF.
    if (file === 'line-endings-lone-cr.md')
      expect(hashTree(dir)).toBe(hashTree(join(project, 'dist/ordinary-content')));
    else if (file !== 'ordinary-content.md') expect(hashTree(dir)).not.toBe(before.get(file));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(scanDeck(html)).toEqual([]);
    const pdf = await readPdf(readFileSync(join(dir, 'report.pdf')));
    expect(pdf.pages.length).toBeGreaterThan(1);
    const everything = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name)).toString('latin1'))
      .join('\n');
    expect(everything.includes(CANARY)).toBe(false);
    expect(
      pdf.pages
        .map((p) => p.text)
        .join(' ')
        .includes(CANARY),
    ).toBe(false);
  });

  it('prints no raw control character, line break from content or bidirectional control', () => {
    for (const line of stderr.split('\n')) {
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    }
    // Every line is a message about one file, or the count of a file's errors.
    for (const line of stderr.split('\n').filter(Boolean))
      expect(line).toMatch(/^(warning: )?content\/[\w.-]+(:\d+:\d+ {2}|: \d+ errors?$)/);
  });

  it('shows an image inside a paragraph in the PDF, with the text around it', async () => {
    const pdf = readFileSync(join(project, 'dist/image-in-paragraph/report.pdf'));
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    const text = (await readPdf(pdf)).pages.map((p) => p.text).join(' ');
    expect(text).toContain('Text before');
    expect(text).toContain('and text after it.');
    expect(text).not.toContain('[A diagram in a sentence]');
  });

  it('prints tables of 40 and 300 columns by column groups and wraps a 1,000-character word, with a warning', async () => {
    const source = readFileSync(join(CORPUS, 'wide-tables.md'), 'utf8');
    const cells = [...source.matchAll(/\b[ft][hr]\d?c?\d{3}\b/g)].map((m) => m[0]);
    expect(cells).toHaveLength(40 * 4 + 300 * 3);
    const word = /W[a-z]{998}Z/.exec(source)?.[0] as string;
    const pdf = await readPdf(readFileSync(join(project, 'dist/wide-tables/report.pdf')));
    const text = pdf.pages.map((p) => p.text).join(' ');
    expect(cells.filter((cell) => !text.includes(cell))).toEqual([]);
    // Each part names its columns; column 1 leads every part.
    const captions = (of: number) => text.match(new RegExp(`Columns \\d+–\\d+ of ${of}\\b[^.]*\\.`, 'g')) ?? [];
    expect(captions(40)).toHaveLength(5);
    expect(captions(300)).toHaveLength(34);
    expect(captions(300).at(-1)).toBe('Columns 293–300 of 300, with column 1 repeated.');
    expect(text.split('fh001').length - 1).toBe(5);
    // In the table cell and in the paragraph, which runs onto the next page (running header and footer between).
    const running = /Wide tables and long words Public Version 1\.0 · 2026-01-01 Page \d+ of \d+/g;
    expect(text.replace(running, '').replace(/\s/g, '').split(word).length - 1).toBe(2);
    const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: content/wide-tables.md:'));
    for (const output of ['report prints it as', 'deck shows it as'])
      expect(
        warnings.filter((l) => l.includes(output)).map((l) => /:(\d+):1 .*a table of (\d+) columns/.exec(l)?.slice(1)),
      ).toEqual([
        ['72', '40'],
        ['80', '300'],
      ]);
  });

  it('shows tables of 40 and 300 columns in the deck by column groups of at most 8, every cell, and the long word', () => {
    const source = readFileSync(join(CORPUS, 'wide-tables.md'), 'utf8');
    const cells = new Set([...source.matchAll(/\b[ft][hr]\d?c?\d{3}\b/g)].map((m) => m[0]));
    const deck = parseDocument(readFileSync(join(project, 'dist/wide-tables/index.html'), 'utf8'));
    const tables = DomUtils.findAll((e) => e.name === 'table', deck.children);
    const cellTexts = new Set(
      DomUtils.findAll((e) => e.name === 'th' || e.name === 'td', tables).map((e) => DomUtils.textContent(e).trim()),
    );
    expect([...cells].filter((cell) => !cellTexts.has(cell))).toEqual([]);
    const widths = tables.map((t) => DomUtils.findAll((e) => e.name === 'th', [t]).length);
    expect(Math.max(...widths)).toBeLessThanOrEqual(8);
    const captions = new Set(
      DomUtils.findAll((e) => e.name === 'em', deck.children)
        .map((e) => DomUtils.textContent(e))
        .filter((t) => /^Columns \d+–\d+ of (40|300)\b/.test(t)),
    );
    expect([...captions].filter((c) => c.includes(' of 40')).length).toBe(6);
    expect([...captions].filter((c) => c.includes(' of 300')).length).toBe(43);
    const word = /W[a-z]{998}Z/.exec(source)?.[0] as string;
    expect(DomUtils.textContent(deck).split(word).length - 1).toBe(2);
  });

  it('wrote nothing outside dist/ and ran nothing the corpus asks for', () => {
    expect(readdirSync(root).sort()).toEqual(['canary.png', 'canary.txt', 'project']);
    expect(readdirSync(project).sort()).toEqual(['canary.png', 'content', 'dist']);
    expect(existsSync('/tmp/riskdeck-pwned')).toBe(false);
    expect(existsSync('/tmp/pwned')).toBe(false);
  });

  it('keeps ordinary content working: link, image, code, table, emoji and non-Latin text, in deck and PDF', async () => {
    const dir = join(project, 'dist/ordinary-content');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<a href="https://example.com/path?q=a_b&amp;r=1#frag"');
    expect(html).toContain('<a href="mailto:security@example.com"');
    expect(html).toMatch(/<img src="images\/[0-9a-f]{16}\.png" alt="A diagram beside the content"/);
    expect(html).toContain('<code>inline code</code>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const text of [
      'Seccomp',
      'Enabled ✅',
      '👩‍💻',
      'コンテナの分離',
      'عزل الحاويات',
      'απομόνωση',
      'snake_case_name',
    ]) {
      expect(html).toContain(text);
    }
    const pdf = await readPdf(readFileSync(join(dir, 'report.pdf')));
    const text = pdf.pages.map((p) => p.text).join(' ');
    for (const words of ['Ordinary content keeps working', 'inline code', 'Seccomp', 'snake_case_name', 'Ελληνικά']) {
      expect(text).toContain(words);
    }
    const links = pdf.pages.flatMap((p) => p.links.map((l) => l.url));
    expect(links).toContain('https://example.com/path?q=a_b&r=1#frag');
  });
});
