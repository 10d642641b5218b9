import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { riskdeck } from '../helpers/cli.js';
import { comparisonYaml } from '../helpers/comparisons.js';
import { readPdf } from '../helpers/pdf.js';

/**
 * The README's promises about flags and the config file, kept through the built CLI in a process of its
 * own: what a user types, not what the API is given.
 */
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);
const write = (path: string, text: string) => {
  mkdirSync(resolve(at(path), '..'), { recursive: true });
  writeFileSync(at(path), text);
};
const read = (path: string) => readFileSync(at(path), 'utf8');
const pdfText = async (path: string) => (await readPdf(readFileSync(at(path)))).pages.map((p) => p.text).join(' ');

async function ok(...args: string[]) {
  const result = await riskdeck(dir, args);
  // Warnings about the generated content (names of ATT&CK entries) are not what these tests are about.
  expect(result.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: '))).toEqual([]);
  expect(result.code).toBe(0);
  return result;
}

/** A template folder whose deck title slide and report summary carry `mark`, and a theme beside it with `mark`. */
function brand(folder: string, mark: string) {
  const title = readFileSync('templates/deck/partials/title.hbs', 'utf8');
  write(`${folder}/deck/partials/title.hbs`, `<p class="brand-mark">${mark} deck</p>\n${title}`);
  write(`${folder}/report/partials/summary.hbs`, `# ${mark} summary\n\n{{meta.summary}}\n`);
  write(`${folder}.css`, `.reveal .brand-mark { color: #123456; } /* ${mark} theme */\n`);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-flags-'));
  write('content/cmp.yaml', comparisonYaml({ systems: 3, threats: 4, references: 12 }));
  write('reviews/other.yaml', comparisonYaml({ systems: 4, threats: 2 }).replace(/^title: .*$/m, 'title: Other'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('build flags (built CLI)', () => {
  it('--content DIR builds the files of that folder instead of content/', async () => {
    await ok('build', '--content', 'reviews');
    expect(JSON.parse(read('dist/other/model.json')).meta.title).toBe('Other');
    expect(existsSync(at('dist/cmp'))).toBe(false);
  });

  it('--templates DIR replaces a deck partial and a report partial of the same name', async () => {
    brand('brand', 'Acme');
    await ok('build', '--templates', 'brand');
    expect(read('dist/cmp/index.html')).toContain('<p class="brand-mark">Acme deck</p>');
    const text = await pdfText('dist/cmp/report.pdf');
    expect(text).toContain('Acme summary');
    expect(text).not.toContain('Executive summary');
    await ok('build');
    expect(read('dist/cmp/index.html')).not.toContain('brand-mark');
    expect(await pdfText('dist/cmp/report.pdf')).toContain('Executive summary');
  });

  it('--theme FILE styles the deck with its rules', async () => {
    brand('brand', 'Acme');
    await ok('build', '--theme', 'brand.css');
    expect(read('dist/cmp/index.html')).toContain('<link rel="stylesheet" href="theme.css">');
    expect(read('dist/cmp/theme.css')).toContain('.reveal .brand-mark { color: #123456; } /* Acme theme */');
    await ok('build');
    expect(read('dist/cmp/theme.css')).not.toContain('Acme theme');
  });
});

describe('config file precedence (built CLI): flag, then config file, then default', () => {
  const config = {
    outDir: '../public',
    contentDir: '../reviews',
    templates: 'config-brand',
    theme: 'config-brand.css',
  };

  it('takes every path key from the config, relative to its folder', async () => {
    brand('conf/config-brand', 'Config');
    write('conf/riskdeck.config.json', JSON.stringify(config));
    await ok('build', '--config', 'conf/riskdeck.config.json');
    expect(existsSync(at('dist'))).toBe(false);
    expect(read('public/other/index.html')).toContain('Config deck');
    expect(read('public/other/theme.css')).toContain('Config theme');
    expect(await pdfText('public/other/report.pdf')).toContain('Config summary');
  });

  it('lets every flag win over its config key', async () => {
    brand('conf/config-brand', 'Config');
    brand('flag-brand', 'Flag');
    write('conf/riskdeck.config.json', JSON.stringify(config));
    await ok(
      'build',
      '--config',
      'conf/riskdeck.config.json',
      '--out',
      'flagged',
      '--content',
      'content',
      '--templates',
      'flag-brand',
      '--theme',
      'flag-brand.css',
    );
    expect(existsSync(at('public'))).toBe(false);
    const html = read('flagged/cmp/index.html');
    expect(html).toContain('Flag deck');
    expect(html).not.toContain('Config deck');
    expect(read('flagged/cmp/theme.css')).toContain('Flag theme');
    expect(read('flagged/cmp/theme.css')).not.toContain('Config theme');
    const text = await pdfText('flagged/cmp/report.pdf');
    expect(text).toContain('Flag summary');
    expect(text).not.toContain('Config summary');
  });

  it('falls back to the defaults without a config file', async () => {
    brand('conf/config-brand', 'Config');
    await ok('build');
    expect(existsSync(at('dist/cmp/index.html'))).toBe(true);
    expect(existsSync(at('dist/other'))).toBe(false);
    expect(read('dist/cmp/index.html')).not.toContain('brand-mark');
  });

  it('rates by the content thresholds, else the config thresholds, else the defaults', async () => {
    // diff-v1.yaml rates alpha 4 × 5 = 20 and beta 1 × 2 = 2.
    const fixture = readFileSync('test/fixtures/content/diff-v1.yaml', 'utf8');
    rmSync(at('content'), { recursive: true });
    write('content/cmp.yaml', fixture);
    const levels = () =>
      JSON.parse(read('dist/cmp/model.json')).threats[0].assessments.map(
        (a: { rating: { level: string } }) => a.rating.level,
      );
    const deckRatings = () => [...read('dist/cmp/index.html').matchAll(/(Low|Medium|High|Critical) \((20|2)\)/g)];

    await ok('build');
    expect(levels()).toEqual(['critical', 'low']);

    write('riskdeck.config.json', JSON.stringify({ riskThresholds: { medium: 2, high: 3, critical: 21 } }));
    await ok('build');
    expect(levels()).toEqual(['high', 'medium']);
    expect(deckRatings().map((m) => m[0])).toContain('High (20)');

    write('content/cmp.yaml', `${fixture}riskThresholds: { medium: 3, high: 21, critical: 25 }\n`);
    await ok('build');
    expect(levels()).toEqual(['medium', 'low']);
    expect(deckRatings().map((m) => m[0])).toContain('Medium (20)');
    expect(deckRatings().map((m) => m[0])).not.toContain('High (20)');
  });
});

describe('JavaScript config files (built CLI)', () => {
  // `import { defineConfig } from 'riskdeck'` resolves as in a project that installed riskdeck.
  const installRiskdeck = () => {
    mkdirSync(at('node_modules'));
    symlinkSync(resolve('.'), at('node_modules/riskdeck'), 'dir');
  };
  const body = (outDir: string) =>
    `import { defineConfig } from 'riskdeck';\nexport default defineConfig({ outDir: '${outDir}', riskThresholds: { medium: 2, high: 3, critical: 4 } });\n`;

  it.each(['riskdeck.config.js', 'riskdeck.config.mjs'])('finds and applies %s next to where it runs', async (name) => {
    installRiskdeck();
    write(name, body(`from-${name}`));
    await ok('build');
    const model = JSON.parse(read(`from-${name}/cmp/model.json`));
    // Bravo's first rating is 2 × 2 = 4: Low by default, Critical by the config's thresholds.
    expect(model.threats[0].assessments[1].rating).toMatchObject({ score: 4, level: 'critical' });
    expect(existsSync(at('dist'))).toBe(false);
  });

  it('reads a .mjs config named with --config, paths relative to its folder', async () => {
    installRiskdeck();
    write('conf/brand.mjs', body('../named'));
    await ok('build', '--config', 'conf/brand.mjs');
    expect(existsSync(at('named/cmp/model.json'))).toBe(true);
  });
});

describe('the content folder (built CLI)', () => {
  it('validates the files of --content', async () => {
    cpSync('test/fixtures/content/four-errors.md', at('reviews/broken.md'));
    const result = await riskdeck(dir, ['validate', '--content', 'reviews']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('reviews/broken.md:7:1  duplicate key "classification"');
    expect(result.stdout).toContain('reviews/other.yaml: ok');
  });
});
