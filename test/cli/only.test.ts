import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree, riskdeck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'content/minimal.yaml');
mkdirSync(join(dir, 'content'));
cpSync('test/fixtures/content/minimal.yaml', file);
const out = join(dir, 'dist/minimal');

describe('build --only', () => {
  it('writes only the outputs named and keeps the others as the last build wrote them', async () => {
    expect((await riskdeck(dir, ['build', '-q'])).code).toBe(0);
    const before = hashTree(out);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Minimal comparison', 'Minimal comparison, edited'));

    expect(await riskdeck(dir, ['build', '--only', 'deck', '-q'])).toMatchObject({ code: 0, stderr: '' });
    const deckOnly = hashTree(out);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Minimal comparison, edited');
    expect(deckOnly['report.pdf']).toBe(before['report.pdf']);
    expect(deckOnly['model.json']).toBe(before['model.json']);
    expect(Object.keys(deckOnly)).toEqual(Object.keys(before));

    expect((await riskdeck(dir, ['build', '--only', 'report,model', '-q'])).code).toBe(0);
    const rest = hashTree(out);
    expect(rest['index.html']).toBe(deckOnly['index.html']);
    expect(rest['report.pdf']).not.toBe(before['report.pdf']);
    expect(JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')).meta.title).toBe('Minimal comparison, edited');
  }, 120_000);

  it('adds deck.pptx, which the default build leaves out, beside the outputs already there', async () => {
    expect((await riskdeck(dir, ['build', '-q'])).code).toBe(0);
    const before = hashTree(out);
    expect(before['deck.pptx']).toBeUndefined();
    expect(await riskdeck(dir, ['build', '--only', 'pptx', '-q'])).toMatchObject({ code: 0, stderr: '' });
    const after = hashTree(out);
    expect(after['deck.pptx']).toBeDefined();
    expect(after['index.html']).toBe(before['index.html']);
    expect(readFileSync(join(out, 'deck.pptx')).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('refuses an output it does not make, in one line with the names it knows', async () => {
    const result = await riskdeck(dir, ['build', '--only', 'deck,reprot']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'riskdeck: --only: unknown output "reprot" (did you mean "report"?); name one or more of model, deck, report, slides, handout, pptx, separated by commas\n',
    );
  });

  it('is a build flag only', async () => {
    const result = await riskdeck(dir, ['validate', '--only', 'deck']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('riskdeck validate: --only applies to build only; remove it\n');
  });
});
