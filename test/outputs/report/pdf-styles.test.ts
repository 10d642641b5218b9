import { readFileSync } from 'node:fs';
import * as styleStackModule from 'pdfmake/js/StyleContextStack.js';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { withPdfmakeStyleLookups } from '../../../src/outputs/report/pdf-styles.js';
import { loadTemplates } from '../../../src/resources/templates.js';

// Content shaped like real reviews and its edge cases: 2 to 8 systems, long flows, 50+ references, wide and
// long tables, symbols and non-Latin text, long words.
const FIXTURES = [
  'content/runc-vs-kata.md',
  'test/fixtures/content/real-review-3.md',
  'test/fixtures/content/real-review-4.md',
  'test/fixtures/content/real-review-8.md',
  'test/fixtures/content/every-field.md',
  'test/fixtures/content/sixty-dimensions.yaml',
  'test/fixtures/content/eight-systems-long-words.yaml',
  'test/fixtures/content/unicode-blocks.yaml',
  'test/fixtures/content/long-attack-flow.yaml',
];

async function report(path: string, resources: RenderResources): Promise<Uint8Array> {
  const rendered = await renderSource({ path, text: readFileSync(path, 'utf8') }, [reportOutput], resources, {
    sourceDateEpoch: '1767225600',
  });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error(`${path}: no report.pdf`);
  return pdf.data;
}

describe('remembered style lookups (pdf-styles.ts)', () => {
  it.each(FIXTURES)(
    'leave the report of %s byte-identical to pdfmake’s own lookups',
    async (path) => {
      const resources: RenderResources = { fonts: await loadFonts(), templates: await loadTemplates() };
      const remembered = await report(path, resources);
      const own = await withPdfmakeStyleLookups(() => report(path, resources));
      expect(remembered.length).toBeGreaterThan(10_000);
      expect(Buffer.from(remembered).equals(Buffer.from(own))).toBe(true);
    },
    240_000,
  );

  it('ask pdfmake’s style stack far fewer questions', async () => {
    const resources: RenderResources = { fonts: await loadFonts(), templates: await loadTemplates() };
    const outer = (styleStackModule as { default?: unknown }).default as { default?: unknown };
    const stacks = (typeof outer === 'function' ? outer : outer.default) as {
      prototype: { getProperty: (property: string) => unknown };
    };
    const getProperty = stacks.prototype.getProperty;
    let asked = 0;
    stacks.prototype.getProperty = function (this: unknown, property: string) {
      asked++;
      return getProperty.call(this, property);
    };
    try {
      await report('content/runc-vs-kata.md', resources);
      const remembered = asked;
      asked = 0;
      await withPdfmakeStyleLookups(() => report('content/runc-vs-kata.md', resources));
      expect(remembered).toBeGreaterThan(0);
      expect(remembered * 3).toBeLessThan(asked);
    } finally {
      stacks.prototype.getProperty = getProperty;
    }
  }, 240_000);
});
