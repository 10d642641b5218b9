import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../helpers/png.js';
import { riskdeck } from './helpers.js';

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
});
