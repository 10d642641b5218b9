import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree, riskdeck } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'content'));
cpSync('test/fixtures/content/minimal.yaml', join(dir, 'content/minimal.yaml'));
const out = join(dir, 'dist/minimal');
const config = join(dir, 'riskdeck.config.json');

describe('which outputs a build writes', () => {
  it('writes the deck, the report and model.json by default, and the slides PDF and handout when named', async () => {
    rmSync(config, { force: true });
    expect(await riskdeck(dir, ['build', '-q'])).toMatchObject({ code: 0, stderr: '' });
    const first = hashTree(out);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['index.html', 'report.pdf', 'model.json']));
    expect(existsSync(join(out, 'slides.pdf'))).toBe(false);
    expect(existsSync(join(out, 'handout.pdf'))).toBe(false);

    expect(await riskdeck(dir, ['build', '--only', 'slides,handout', '-q'])).toMatchObject({ code: 0, stderr: '' });
    const both = hashTree(out);
    expect(both['slides.pdf']).toBeDefined();
    expect(both['handout.pdf']).toBeDefined();
    expect(both['report.pdf']).toBe(first['report.pdf']);
    expect(both['index.html']).toBe(first['index.html']);
  }, 180_000);

  it('takes the set from the config file, and --only over it', async () => {
    writeFileSync(config, JSON.stringify({ outputs: ['deck', 'slides'] }));
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    expect(await riskdeck(dir, ['build', '-q'])).toMatchObject({ code: 0, stderr: '' });
    const files = Object.keys(hashTree(out));
    expect(files).toEqual(expect.arrayContaining(['index.html', 'slides.pdf']));
    expect(files.filter((f) => /^(report|handout)\.pdf$|^model\.json$/.test(f))).toEqual([]);
    expect(await riskdeck(dir, ['build', '--only', 'report', '-q'])).toMatchObject({ code: 0, stderr: '' });
    expect(Object.keys(hashTree(out))).toEqual(expect.arrayContaining(['index.html', 'slides.pdf', 'report.pdf']));
  }, 180_000);

  it('refuses an output name it does not know, in the config, at its place, with a did-you-mean', async () => {
    writeFileSync(config, '{\n  "outputs": ["deck", "slide"]\n}\n');
    const result = await riskdeck(dir, ['build']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'riskdeck: riskdeck.config.json:2:23  outputs.1: unknown output "slide" (did you mean "slides"?); name some of model, deck, report, slides, handout, pptx\n',
    );
    rmSync(config);
  });
});
