import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree, riskdeck } from '../helpers/cli.js';
import { comparisonYaml } from '../helpers/comparisons.js';
import { cspOf, DECK_CSP } from '../helpers/csp.js';
import { readPdf } from '../helpers/pdf.js';
import { png } from '../helpers/png.js';

/**
 * "Every rebuild of the same content is byte-identical": the whole output folder (deck, copied assets,
 * content images, model.json, report), built by two separate processes, with and without
 * SOURCE_DATE_EPOCH.
 */
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

async function buildTree(env: NodeJS.ProcessEnv = {}): Promise<Record<string, Record<string, string>>> {
  rmSync(at('dist'), { recursive: true, force: true });
  const result = await riskdeck(dir, ['build', '--quiet'], env);
  expect(result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: '))).toEqual([]);
  expect(result.code).toBe(0);
  return { seed: hashTree(at('dist/runc-vs-kata')), wide: hashTree(at('dist/eight-systems')) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-repro-'));
  mkdirSync(at('content/img'), { recursive: true });
  cpSync('content/runc-vs-kata.md', at('content/runc-vs-kata.md'));
  writeFileSync(at('content/img/diagram.png'), png(320, 160));
  const wide = comparisonYaml({ systems: 8, threats: 3, references: 50, steps: 6 }).replace(
    'summary: A summary paragraph.',
    'summary: "A summary paragraph with a picture: ![A diagram](img/diagram.png)"',
  );
  writeFileSync(at('content/eight-systems.yaml'), wide);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reproducible builds (built CLI, two processes each)', () => {
  it('writes the same bytes in every file without SOURCE_DATE_EPOCH, dated by the content', async () => {
    const first = await buildTree();
    const second = await buildTree();
    expect(Object.keys(first.wide ?? {})).toEqual(
      expect.arrayContaining(['index.html', 'model.json', 'report.pdf', 'reveal/reveal.js', 'fonts/regular.ttf']),
    );
    expect(Object.keys(first.wide ?? {}).some((p) => /^images\/[0-9a-f]+\.png$/.test(p))).toBe(true);
    expect(second).toEqual(first);
    const pdf = await readPdf(readFileSync(at('dist/eight-systems/report.pdf')));
    // The content's date, 2026-01-15, at midnight UTC; never the time of the build.
    expect(pdf.info.CreationDate).toMatch(/^D:20260115000000/);
    expect(pdf.info.ModDate).toMatch(/^D:20260115000000/);
  });

  it('writes the same bytes in every file with SOURCE_DATE_EPOCH, dated by it', async () => {
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const first = await buildTree(env);
    const second = await buildTree(env);
    expect(second).toEqual(first);
    const pdf = await readPdf(readFileSync(at('dist/eight-systems/report.pdf')));
    // 1700000000 is 2023-11-14T22:13:20Z.
    expect(pdf.info.CreationDate).toMatch(/^D:20231114221320/);
  });

  it('puts the whole strict Content-Security-Policy into the built deck', async () => {
    await buildTree();
    for (const name of ['runc-vs-kata', 'eight-systems']) {
      expect(cspOf(readFileSync(at('dist', name, 'index.html'), 'utf8'))).toBe(DECK_CSP);
    }
  });
});
