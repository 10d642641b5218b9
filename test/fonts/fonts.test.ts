import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RiskdeckError } from '../../src/errors.js';
import { fontChain } from '../../src/fonts/chain.js';
import { fontMetrics } from '../../src/fonts/face.js';
import { fontkit } from '../../src/fonts/fontkit.js';
import { fontFormat } from '../../src/fonts/format.js';
import { defaultFontFiles, type FontFiles, loadFonts } from '../../src/fonts/load.js';

/** Debian's fonts-dejavu-core and fonts-wqy-microhei (installed by .ci/run). */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const roboto = defaultFontFiles();
const withNormal = (normal: string): FontFiles => ({ ...roboto, family: 'Broken', normal });

async function loadError(files: FontFiles, fallbacks: string[] = []): Promise<RiskdeckError> {
  const error = await loadFonts(files, fallbacks).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RiskdeckError);
  return error as RiskdeckError;
}

describe('font metrics', () => {
  it('derives the cap height and x-height of DejaVu Sans, whose OS/2 table lacks them, from its outlines', () => {
    const font = fontkit.create(readFileSync(join(DEJAVU, 'DejaVuSans.ttf')));
    expect(font.capHeight).toBeUndefined();
    const metrics = fontMetrics(font);
    expect(metrics.capHeight).toBe(font.glyphForCodePoint(0x48).bbox.maxY);
    expect(metrics.xHeight).toBe(font.glyphForCodePoint(0x78).bbox.maxY);
    expect(metrics.capHeight / metrics.unitsPerEm).toBeGreaterThan(0.6);
    expect(metrics.capHeight / metrics.unitsPerEm).toBeLessThan(0.8);
  });

  it('keeps the cap height a font states (Roboto)', () => {
    const font = fontkit.create(readFileSync(roboto.normal));
    expect(fontMetrics(font).capHeight).toBe(font.capHeight);
  });
});

describe('loading fonts', () => {
  it('refuses a truncated font file, naming it', async () => {
    const file = join(dir, 'truncated.ttf');
    writeFileSync(file, readFileSync(roboto.normal).subarray(0, 3000));
    const error = await loadError(withNormal(file));
    expect(error.code).toBe('USAGE');
    expect(error.message).toMatch(new RegExp(`^${file}: a damaged font file \\(.+\\); give a TrueType`));
  });

  it('refuses a file that is not a font, and a missing one, naming them', async () => {
    const file = join(dir, 'notes.ttf');
    writeFileSync(file, 'not a font at all');
    expect((await loadError(withNormal(file))).message).toBe(
      `${file}: not a font file (unknown signature); give a TrueType, OpenType, WOFF, WOFF2 or TTC font file`,
    );
    expect((await loadError(roboto, [join(dir, 'missing.ttf')])).message).toBe(
      `${join(dir, 'missing.ttf')}: cannot read the font (ENOENT)`,
    );
  });

  it('refuses a main font without basic Latin (an icon font), which is fine as a fallback', async () => {
    // The icon font playwright-core (a dev dependency, pinned) ships: a real TrueType font with no letters.
    const icons = resolve('node_modules/playwright-core/lib/vite/traceViewer/codicon.DCmgc-ay.ttf');
    const error = await loadError(withNormal(icons));
    expect(error.message).toMatch(
      new RegExp(
        `^${icons}: the font has no glyph for the basic Latin characters ! " # .+ and \\d+ more; the main font`,
      ),
    );
    const fonts = await loadFonts(roboto, [icons]);
    expect(fonts.fallbacks).toHaveLength(2);
  });

  it('reads WOFF fonts (Source Sans Pro from reveal.js) as the main family', async () => {
    const woff = (name: string) =>
      resolve(`node_modules/reveal.js/css/theme/fonts/source-sans-pro/source-sans-pro-${name}.woff`);
    const fonts = await loadFonts({
      family: 'Source Sans Pro',
      normal: woff('regular'),
      bold: woff('semibold'),
      italics: woff('italic'),
      bolditalics: woff('semibolditalic'),
    });
    expect(fontFormat(fonts.normal)).toBe('woff');
    expect(fontChain(fonts).runs('Kata ☠ host')).toEqual([
      { text: 'Kata ', font: 0 },
      { text: '☠', font: 1 },
      { text: ' host', font: 0 },
    ]);
  });

  it('reads a TTC as its first font, as a plain TrueType file the deck can copy', async () => {
    const fonts = await loadFonts(roboto, [WQY_TTC]);
    expect(fonts.fallbacks.map((f) => f.family)).toEqual(['DejaVu Sans', 'WenQuanYi Micro Hei']);
    const cjk = fonts.fallbacks[1];
    expect(cjk && fontFormat(cjk.normal)).toBe('truetype');
    expect(cjk?.bold).toBe(cjk?.normal);
    expect(fontkit.create(cjk?.normal ?? new Uint8Array()).postscriptName).toBe('WenQuanYiMicroHei');
  });

  it('names a bundled fallback apart from a main family of the same name', async () => {
    const files = {
      family: 'DejaVu Sans',
      normal: join(DEJAVU, 'DejaVuSans.ttf'),
      bold: join(DEJAVU, 'DejaVuSans-Bold.ttf'),
      italics: join(DEJAVU, 'DejaVuSans.ttf'),
      bolditalics: join(DEJAVU, 'DejaVuSans-Bold.ttf'),
    };
    const fonts = await loadFonts(files);
    expect([fonts.family, ...fonts.fallbacks.map((f) => f.family)]).toEqual(['DejaVu Sans', 'DejaVu Sans 2']);
  });
});

describe('the font chain', () => {
  it('cuts text into runs by the first family that has each glyph; spaces stay in the run around them', async () => {
    const chain = fontChain(await loadFonts(roboto, [WQY_TTC]));
    expect(chain.runs('runc → host 容器 ok')).toEqual([
      { text: 'runc ', font: 0 },
      { text: '→', font: 1 },
      { text: ' host ', font: 0 },
      { text: '容器', font: 2 },
      { text: ' ok', font: 0 },
    ]);
    expect(chain.missing('a → 容 \u{1F9EA}\u200D')).toEqual(['\u{1F9EA}']);
  });

  it('finds no glyph for CJK without a CJK font', async () => {
    const chain = fontChain(await loadFonts());
    expect(chain.missing('容器 → ☠')).toEqual(['容', '器']);
  });
});
