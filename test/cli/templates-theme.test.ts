import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../helpers/png.js';
import { requireTool } from '../helpers/tools.js';
import { riskdeck } from './helpers.js';

const pdfimages = requireTool('pdfimages');
let dir: string;
const logo = png(120, 40);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-look-'));
  cpSync('content/runc-vs-kata.md', join(dir, 'content/runc-vs-kata.md'));
  writeFileSync(join(dir, 'brand.css'), ':root { --accent: #c2185b; }\n.reveal { letter-spacing: 0; }\n');
  mkdirSync(join(dir, 'brand/deck/partials'), { recursive: true });
  mkdirSync(join(dir, 'brand/assets'), { recursive: true });
  writeFileSync(join(dir, 'brand/assets/logo.png'), logo);
  const title = readFileSync('templates/deck/partials/title.hbs', 'utf8');
  writeFileSync(
    join(dir, 'brand/deck/partials/title.hbs'),
    `<img class="logo" src="assets/logo.png" alt="Acme">\n${title}`,
  );
  mkdirSync(join(dir, 'brand/report/partials'), { recursive: true });
  const cover = readFileSync('templates/report/partials/cover.hbs', 'utf8');
  writeFileSync(
    join(dir, 'brand/report/partials/cover.hbs'),
    cover.replace('::: cover\n', '::: cover\n\n![Acme](assets/logo.png)\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deckCss = (name: string) =>
  readdirSync(join(dir, 'dist', name))
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(dir, 'dist', name, f), 'utf8'))
    .join('\n');

describe('--theme and --templates through the built CLI', () => {
  it('layers --theme over the shipped theme: the brand accent, and the rating colours kept', async () => {
    const run = await riskdeck(['build', '--theme', 'brand.css', '-q'], { cwd: dir, timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const css = deckCss('runc-vs-kata');
    expect(css).toContain('--critical: #8b1c1c;');
    expect(css).toContain('--accent: #c2185b;');
    // The layer comes after ours, so its values win.
    expect(css.indexOf('--accent: #c2185b;')).toBeGreaterThan(css.indexOf('--accent: #1d3557;'));
  });

  it('copies the templates folder assets beside the deck, where an overridden template finds them', async () => {
    const run = await riskdeck(['build', '--templates', 'brand', '-q'], { cwd: dir, timeoutMs: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'dist/runc-vs-kata/assets/logo.png'))).toEqual(logo);
    expect(readFileSync(join(dir, 'dist/runc-vs-kata/index.html'), 'utf8')).toContain('src="assets/logo.png"');
  });

  it.skipIf(pdfimages.skip)(
    'puts a logo from the templates folder on the report cover, as an image, not its alt text',
    async () => {
      const run = await riskdeck(['build', '--templates', 'brand', '-q'], {
        cwd: dir,
        timeoutMs: 120_000,
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const pdf = join(dir, 'dist/runc-vs-kata/report.pdf');
      // `pdfimages -list`: page, num, type, width, height, … one row per image drawn.
      const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(rows.map((row) => row.trim().split(/\s+/).slice(0, 5))).toEqual([['1', '0', 'image', '120', '40']]);
      expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })).not.toContain('Acme');
    },
  );

  it('refuses a logo that is not an image with one line naming the file, and writes nothing', async () => {
    mkdirSync(join(dir, 'fake/assets'), { recursive: true });
    writeFileSync(join(dir, 'fake/assets/logo.png'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const run = await riskdeck(['build', '--templates', 'fake', '--out', 'fake-dist'], { cwd: dir, timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^riskdeck: fake\/assets\/logo\.png: image "assets\/logo\.png" is not a PNG, JPEG, GIF or WebP image/,
      ),
    ]);
    expect(readdirSync(join(dir, 'fake-dist'), { recursive: true })).toEqual([]);
  });
});
