import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/model/comparison.js';
import { riskdeck } from '../helpers/cli.js';
import { parseDeck } from '../helpers/deck.js';
import { readPdf } from '../helpers/pdf.js';

/**
 * `riskdeck build --since REF` through the built CLI, against each kind of earlier version the README
 * names: a model.json, a content file and a git ref. Each must add the "Changes since" slide to the deck
 * and the section to the report, listing what changed from diff-v1.yaml to diff-v2.yaml.
 */
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=r@example.com', '-c', 'user.name=R', ...args], { cwd: dir, stdio: 'pipe' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-since-'));
  mkdirSync(at('content'));
  cpSync('test/fixtures/content/diff-v1.yaml', at('content/cmp.yaml'));
  // An earlier version counts for the content file of the same name.
  mkdirSync(at('v1'));
  cpSync('test/fixtures/content/diff-v1.yaml', at('v1/cmp.yaml'));
  git('init', '-q');
  git('add', 'content/cmp.yaml');
  git('commit', '-qm', 'v1');
  const old = await riskdeck(dir, ['build', '--out', 'old']);
  expect(old.code, old.stderr).toBe(0);
  cpSync('test/fixtures/content/diff-v2.yaml', at('content/cmp.yaml'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function outputs() {
  const html = readFileSync(at('dist/cmp/index.html'), 'utf8');
  const model = JSON.parse(readFileSync(at('dist/cmp/model.json'), 'utf8')) as Comparison;
  const deck = parseDeck(html, model);
  const pdf = await readPdf(readFileSync(at('dist/cmp/report.pdf')));
  return { deck, pdf, text: pdf.pages.map((p) => p.text).join(' ') };
}

describe('riskdeck build --since (built CLI)', () => {
  it.each([
    ['a model.json of an earlier build', 'old/cmp/model.json'],
    ['a content file', 'v1/cmp.yaml'],
    ['a git ref', 'HEAD'],
  ])('adds the changes slide and report section against %s', async (_kind, ref) => {
    const result = await riskdeck(dir, ['build', '--since', ref]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { deck, pdf } = await outputs();

    const slides = deck.slides.filter((s) => deck.text(s).includes('Changes since version 0.1'));
    expect(slides.length).toBeGreaterThan(0);
    const rows = slides.flatMap((s) => deck.all((e) => e.name === 'tr', s)).map((r) => deck.text(r));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Threat one › Beta › rating.*Low 2 \(L1 × I2\).*High 12 \(L3 × I4\)/),
        expect.stringContaining('Threat two'),
        expect.stringContaining('An old paper'),
      ]),
    );

    const heading = pdf.outline.find((o) => o.title === 'Changes since version 0.1');
    expect(heading).toBeDefined();
    const page = pdf.pages[(heading?.page ?? 0) - 1]?.text ?? '';
    const section = page.slice(page.indexOf('Changes since version 0.1'));
    for (const words of ['Threat one › Beta › rating', 'Low 2 (L1 × I2)', 'High 12 (L3 × I4)', 'Threat two']) {
      expect(section).toContain(words);
    }
    expect(section).toContain('An old paper');
  });

  it('adds neither without --since', async () => {
    expect((await riskdeck(dir, ['build'])).code).toBe(0);
    const { deck, pdf, text } = await outputs();
    expect(deck.html).not.toContain('Changes since');
    expect(text).not.toContain('Changes since');
    expect(pdf.outline.map((o) => o.title)).not.toContain('Changes since version 0.1');
  });

  it('refuses a ref that is neither a file nor in git with one line and exit 2, keeping the outputs', async () => {
    const before = readFileSync(at('dist/cmp/report.pdf'));
    const result = await riskdeck(dir, ['build', '--since', 'no-such-ref']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--since no-such-ref: no file, folder or git ref');
    expect(readFileSync(at('dist/cmp/report.pdf'))).toEqual(before);
  });
});
