import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { deckOutput } from '../../../src/outputs/deck/index.js';
import { type Artifact, type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { loadTemplates } from '../../../src/resources/templates.js';

/** Debian's fonts-wqy-microhei (installed by .ci/run): a CJK font in a TrueType collection. */
const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

let resources: RenderResources;
beforeAll(async () => {
  resources = { fonts: await loadFonts(undefined, [WQY_TTC]), templates: await loadTemplates() };
});

async function deckFiles(path: string): Promise<Map<string, Artifact>> {
  const rendered = await renderSource({ path, text: readFileSync(path, 'utf8') }, [deckOutput], resources);
  expect(rendered.warnings).toEqual([]);
  return new Map(rendered.artifacts.map((a) => [a.path, a]));
}

/** Whether a CSS unicode-range (`U+20-7E,U+A0`) holds the code point. */
const covers = (range: string, codePoint: number) =>
  range.split(',').some((part) => {
    const [from = '', to = from] = part.replace('U+', '').split('-');
    return Number.parseInt(from, 16) <= codePoint && codePoint <= Number.parseInt(to, 16);
  });
const rangeOf = (css: string, family: string) =>
  new RegExp(`font-family:"${family}";[^}]*unicode-range:([^;}]+)`).exec(css)?.[1] ?? '';

const text = (a: Artifact | undefined) => (a && 'data' in a ? Buffer.from(a.data).toString('utf8') : '');

describe('fallback fonts in the deck', () => {
  it('copies the fallback fonts a deck draws with beside it, with unicode-range, in the chain order', async () => {
    const files = await deckFiles('test/fixtures/content/cjk-title.yaml');
    const css = text(files.get('layout.css'));
    expect(css).toContain(
      '@font-face{font-family:"WenQuanYi Micro Hei";src:url("fonts/wenquanyi-micro-hei-normal.ttf") format("truetype");font-weight:100 499;font-style:normal;font-display:block;unicode-range:',
    );
    expect(covers(rangeOf(css, 'WenQuanYi Micro Hei'), 0x5bb9)).toBe(true);
    expect(covers(rangeOf(css, 'WenQuanYi Micro Hei'), 0x0600)).toBe(false);
    expect(css.length).toBeLessThan(40_000);
    expect(css).toContain(':root{--deck-font:"Roboto","DejaVu Sans","WenQuanYi Micro Hei",sans-serif}');
    // One file for every style of the CJK font (it has one), read from the collection as a plain TrueType font.
    const cjk = files.get('fonts/wenquanyi-micro-hei-normal.ttf');
    expect(cjk && 'data' in cjk && Buffer.from(cjk.data).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    expect([...files.keys()].filter((p) => p.startsWith('fonts/wenquanyi'))).toHaveLength(1);
  });

  it('copies DejaVu Sans and its licence only for a deck that draws with it', async () => {
    const blocks = await deckFiles('test/fixtures/content/unicode-blocks.yaml');
    expect(text(blocks.get('fonts/LICENSE-DejaVu.txt'))).toContain('Bitstream Vera');
    for (const face of ['normal', 'bold', 'italics', 'bolditalics']) {
      expect(blocks.has(`fonts/dejavu-sans-${face}.ttf`)).toBe(true);
    }
    const dejavu = rangeOf(text(blocks.get('layout.css')), 'DejaVu Sans');
    expect([0x2192, 0x2554, 0x2620].every((cp) => covers(dejavu, cp))).toBe(true);
    expect(covers(dejavu, 0x5bb9)).toBe(false);
    expect([...blocks.keys()].some((p) => p.includes('wenquanyi'))).toBe(false);
    const plain = await deckFiles('test/fixtures/content/minimal.yaml');
    expect([...plain.keys()].filter((p) => p.startsWith('fonts/'))).toEqual([
      'fonts/regular.ttf',
      'fonts/bold.ttf',
      'fonts/italic.ttf',
      'fonts/bold-italic.ttf',
    ]);
  });
});
