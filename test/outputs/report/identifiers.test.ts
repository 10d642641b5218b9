import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { loadTemplates } from '../../../src/resources/templates.js';
import { comparisonYaml } from '../../helpers/comparisons.js';

let resources: RenderResources;
beforeAll(async () => {
  resources = { fonts: await loadFonts(), templates: await loadTemplates() };
});

/** The report's text, line by line as drawn: runs on one baseline joined left to right. */
async function lines(path: string, text = readFileSync(path, 'utf8')): Promise<string[]> {
  const rendered = await renderSource({ path, text }, [reportOutput], resources, {
    sourceDateEpoch: '1767225600',
  });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
  const doc = await getDocument({ data: new Uint8Array(pdf.data), verbosity: 0, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, str: item.str }]);
    }
    for (const row of rows.values()) {
      // Table cells share a baseline: a gap wider than a few spaces starts another cell.
      const cells: string[] = [];
      let last = -Infinity;
      for (const { x, str } of row.sort((a, b) => a.x - b.x)) {
        if (x - last > 24 || cells.length === 0) cells.push(str);
        else cells[cells.length - 1] += str;
        last = x + str.length * 3;
      }
      out.push(...cells.map((c) => c.replace(/\u200B/g, '').trim()));
    }
  }
  return out;
}

const BROKEN = [
  /\b(?:CVE|CWE)-(?:\d{0,4}|\d{4}-\d{0,3})$/, // "CVE-2024-" at a line's end
  /\bT\d{4}\.$/, // "T1204." before "003"
  /(?:^|\s)--?$/, // "--" before "enable-pci"
  /(?:^|\s)--[\w.]+-$/, // "--cap-" before "drop=ALL"
];

/** Identifiers at every offset in a line, in prose and in the narrow columns of eight systems. */
function crowded(): string {
  const ids = (i: number) => `${'w'.repeat((i % 23) + 1)} --enable-pci-hotplug CVE-2024-21626 T1204.003`;
  const paragraph = Array.from({ length: 90 }, (_, i) => ids(i)).join(' ');
  return `---\n${comparisonYaml({ systems: 8, dimensions: 12, text: (where) => ids(where.length) })}---\n\n## Flags\n\n${paragraph}\n`;
}

describe('identifiers in the report', () => {
  it('keeps them whole wherever they fall in a line, also in the narrow columns of eight systems', async () => {
    const text = await lines('crowded.md', crowded());
    expect(text.filter((line) => BROKEN.some((re) => re.test(line)))).toEqual([]);
    expect(text.filter((line) => line.includes('--enable-pci-hotplug')).length).toBeGreaterThan(50);
  });

  it.each(['test/fixtures/content/real-review-4.md', 'test/fixtures/content/real-review-8.md'])(
    '%s: no CVE id, ATT&CK id or --flag is broken across lines',
    async (file) => {
      const text = await lines(file);
      expect(text.length).toBeGreaterThan(500);
      expect(text.filter((line) => BROKEN.some((re) => re.test(line)))).toEqual([]);
      // The identifiers are there whole, in prose and in tables.
      const all = text.join('\n');
      for (const id of ['CVE-2024-21626', 'T1204.003', '--cap-drop=ALL', '--platform=systrap', '/proc/self/fd/7']) {
        expect(all).toContain(id);
      }
    },
  );
});
