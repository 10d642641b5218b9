import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFontOfCollection } from '../../src/fonts/collection.js';
import { original } from '../../src/fonts/fontkit-cjs.js';
import { defaultFontFiles } from '../../src/fonts/load.js';
import { type LayoutFont, speedUpLayout, wordLayoutStats } from '../../src/fonts/word-layout.js';
import { SAMPLE_CHARACTERS } from '../helpers/unicode-samples.js';

const require = createRequire(import.meta.url);
const dejavuPackage = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** Debian's fonts-dejavu-core, fonts-dejavu-extra and fonts-wqy-microhei (installed by .ci/run). */
const DEBIAN = '/usr/share/fonts/truetype';
const roboto = defaultFontFiles();

/** Fonts with different GSUB and GPOS shapes: Roboto, DejaVu (Latin, serif, mono, maths), a CJK collection. */
const FONTS: Record<string, () => Uint8Array> = {
  'Roboto Regular': () => readFileSync(roboto.normal),
  'Roboto Medium': () => readFileSync(roboto.bold),
  'Roboto Italic': () => readFileSync(roboto.italics),
  'Roboto Medium Italic': () => readFileSync(roboto.bolditalics),
  'DejaVu Sans': () => readFileSync(join(dejavuPackage, 'DejaVuSans.ttf')),
  'DejaVu Sans Bold': () => readFileSync(join(dejavuPackage, 'DejaVuSans-Bold.ttf')),
  'DejaVu Serif': () => readFileSync(join(DEBIAN, 'dejavu/DejaVuSerif.ttf')),
  'DejaVu Sans Mono': () => readFileSync(join(DEBIAN, 'dejavu/DejaVuSansMono.ttf')),
  'DejaVu Math TeX Gyre': () => readFileSync(join(DEBIAN, 'dejavu/DejaVuMathTeXGyre.ttf')),
  'WenQuanYi Micro Hei': () => firstFontOfCollection(readFileSync(join(DEBIAN, 'wqy/wqy-microhei.ttc'))),
};

/** Every character a quick run may hold, alone, inside a word and before a kerned capital pair. */
function everyAllowedCharacter(): string[] {
  const ranges = [
    [0x20, 0x7e],
    [0xa0, 0x24f],
    [0x2010, 0x205e],
    [0x20a0, 0x20c0],
    [0x2190, 0x22ff],
  ] as const;
  const out: string[] = [];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const c = String.fromCodePoint(cp);
      out.push(c, `A${c}v`, `${c}To `, `f${c}i`);
    }
  }
  return out;
}

/** The words of every fixture and the example, as pdfkit lays them out (each with its trailing space). */
function fixtureWords(): string[] {
  const files = [
    'content/runc-vs-kata.md',
    ...readdirSync('test/fixtures/content').map((f) => `test/fixtures/content/${f}`),
  ];
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split(/\s+/)
      .flatMap((w) => [w, `${w} `]),
  );
}

/** Strings of Latin letters, digits, punctuation, kerning pairs, ligatures and the odd symbol (seeded). */
function randomWords(count: number): string[] {
  const pool = [
    ...'AVTWYLPFKXavtwylpfkxoeiru0123456789.,;:-–—’“”()/@#%&fiflffl',
    ...SAMPLE_CHARACTERS,
    '\u00ad',
    '\u2044',
  ];
  let seed = 17;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]).join(''),
  );
}

interface RunView {
  glyphs: { id: number; codePoints: number[] }[];
  positions: Record<string, number>[];
  script: string;
  language: string | null;
  direction: string;
  features: Record<string, boolean>;
  advanceWidth: number;
}

/** Everything pdfkit and svg-to-pdfkit read of a run (and what fontkit reports about it), key order included. */
const view = (run: RunView) =>
  JSON.stringify([
    run.glyphs.map((g) => [g.id, g.codePoints]),
    run.positions.map((p) => Object.entries(p)),
    run.script,
    run.language,
    run.direction,
    Object.entries(run.features),
    run.advanceWidth,
  ]);

const texts = [...new Set([...everyAllowedCharacter(), ...fixtureWords(), ...randomWords(3000)])];

describe('word layout without full shaping', () => {
  it.each(Object.keys(FONTS))('gives fontkit’s own glyphs and positions for every word in %s', (name) => {
    const bytes = (FONTS[name] as () => Uint8Array)();
    // Two separate parses: fontkit's glyph objects remember the characters they were first made for.
    const plain = original.create(bytes) as unknown as LayoutFont;
    const quick = original.create(bytes) as unknown as LayoutFont;
    speedUpLayout(quick);
    const before = wordLayoutStats();
    const differing = texts.filter((text) => view(plain.layout(text) as never) !== view(quick.layout(text) as never));
    expect(differing).toEqual([]);
    // Asked again, every word is answered from memory or quickly, and still the same.
    for (const text of texts.slice(0, 2000))
      expect(view(quick.layout(text) as never)).toBe(view(plain.layout(text) as never));
    const after = wordLayoutStats();
    // The quick path is really taken where the font allows it (Latin fonts with GSUB and GPOS).
    if (name.startsWith('Roboto') || name.startsWith('DejaVu Sans')) {
      expect(after.quick - before.quick).toBeGreaterThan(texts.length * 0.6);
    }
    expect(after.remembered - before.remembered).toBeGreaterThan(0);
  });

  it('hands out new positions each time: pdfkit scales them in place', () => {
    const font = original.create(readFileSync(roboto.normal)) as unknown as LayoutFont;
    speedUpLayout(font);
    for (const word of ['AVATAR ', 'first ']) {
      const first = font.layout(word) as unknown as RunView;
      const expected = view(first);
      for (const p of first.positions) for (const key in p) p[key] = (p[key] ?? 0) * 3;
      expect(view(font.layout(word) as unknown as RunView)).toBe(expected);
    }
  });

  it('leaves runs with features, a script or a language to fontkit', () => {
    const plain = original.create(readFileSync(roboto.normal)) as unknown as LayoutFont;
    const quick = original.create(readFileSync(roboto.normal)) as unknown as LayoutFont;
    speedUpLayout(quick);
    for (const args of [
      ['office 1/2', ['smcp', 'frac']],
      ['Tofu', [], 'cyrl'],
      ['Tofu', undefined, 'latn', 'TRK'],
    ]) {
      const [text, ...rest] = args as [string, ...unknown[]];
      expect(view(quick.layout(text, ...rest) as never)).toBe(view(plain.layout(text, ...rest) as never));
    }
  });
});
