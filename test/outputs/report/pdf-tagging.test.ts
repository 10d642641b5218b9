import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import type { Comparison } from '../../../src/model/comparison.js';
import { type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { reportDiagrams } from '../../../src/outputs/report/diagrams.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { HOOKS, PDFMAKE_VERSION } from '../../../src/outputs/report/pdf-tagging.js';
import { build } from '../../../src/pipeline/build.js';
import { loadTemplates } from '../../../src/resources/templates.js';
import { comparisonYaml } from '../../helpers/comparisons.js';
import { deepText, elements, readTagged, type TagNode } from '../../helpers/pdf-tags.js';
import { png } from '../../helpers/png.js';

let resources: RenderResources;
beforeAll(async () => {
  resources = { fonts: await loadFonts(), templates: await loadTemplates() };
});

async function render(path: string, text: string) {
  const rendered = await renderSource({ path, text }, [reportOutput], resources, { sourceDateEpoch: '1767225600' });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
  return { bytes: pdf.data, comparison: rendered.comparison };
}

const LONG_URL = `https://example.org/${'very-long-path-segment/'.repeat(6)}end?query=${'x'.repeat(40)}`;

/** A review shaped like real ones: 8 systems, 55 references, a long flow, lists, links, Greek and Cyrillic. */
function reviewSource(): string {
  const yaml = comparisonYaml({
    systems: 8,
    threats: 5,
    references: 55,
    steps: 12,
    text: (where) => `Ελληνικά και Кириллица: the ${where} holds [@ref-3], see [the vendor notes](${LONG_URL}).`,
  });
  const body = [
    '## Scope',
    '',
    'The review covers these runtimes [@ref-1] and [@ref-54]:',
    '',
    '- **Alpha** with its default profile',
    '- Bravo, hardened per [the guide](https://example.org/guide)',
    '- Charlie',
    '',
    'Steps we took:',
    '',
    '1. Read the documentation',
    '2. Ran the test suite',
    '3. Wrote this report',
    '',
    '| Area | Finding |',
    '| --- | --- |',
    '| Kernel | Shared with the host |',
    '| Network | Isolated per sandbox |',
    '',
    '> A quote that stands out.',
  ].join('\n');
  return `---\n${yaml}---\n\n${body}\n`;
}

const byRole = (nodes: readonly TagNode[], role: string) => nodes.filter((n) => n.role === role);

/** The titles of every diagram the report draws, in order: risk matrices, then flow parts. */
function diagramTitles(comparison: Comparison): string[] {
  const diagrams = reportDiagrams(comparison, resources.fonts, 471, 706);
  // Each figure node carries the diagram it draws (pdf-diagrams.ts); the diagram's title names it.
  const titleOf = (node: unknown): string[] => {
    const titles: string[] = [];
    JSON.stringify(node, (key, value) => {
      if (key === '_diagram') titles.push((value as { diagram: { title: string } }).diagram.title);
      return value;
    });
    return titles;
  };
  return [
    ...comparison.risk.flatMap((risk) => titleOf(diagrams.riskMatrix(risk, 440))),
    ...comparison.flows.flatMap((flow) => diagrams.attackFlow(flow).flatMap(titleOf)),
  ];
}

describe.each([
  ['the seed comparison', 'content/runc-vs-kata.md', () => readFileSync('content/runc-vs-kata.md', 'utf8')],
  ['an 8-system review with 55 references and a long flow', 'review.md', reviewSource],
])('the tagged report of %s (pdf.js structure tree)', (_, path, source) => {
  let pages: Awaited<ReturnType<typeof readTagged>>['pages'];
  let outline: Awaited<ReturnType<typeof readTagged>>['outline'];
  let all: TagNode[];
  let comparison: Comparison;
  let vectorOnly: boolean;
  beforeAll(async () => {
    const report = await render(path, source());
    comparison = report.comparison;
    vectorOnly = !Buffer.from(report.bytes).toString('latin1').includes('/Subtype /Image');
    ({ pages, outline } = await readTagged(report.bytes));
    // Elements that run over a page break show on both pages; each page's part is counted once.
    all = pages.flatMap(elements);
  }, 120_000);

  it('puts every text run in a structure element or an artifact', () => {
    const untagged = pages.flatMap((p) =>
      p.texts.filter((t) => t.kind === 'untagged').map((t) => `${p.number}: ${t.str}`),
    );
    expect(untagged).toEqual([]);
    expect(pages.every((p) => p.tree.length === 1 && p.tree[0]?.role === 'Document')).toBe(true);
  });

  it('marks the running header and footer as artifacts, and nothing of the body', () => {
    for (const page of pages.slice(1)) {
      const artifact = page.texts
        .filter((t) => t.kind === 'artifact')
        .map((t) => t.str)
        .join('');
      expect(artifact.replace(/\s/g, '')).toContain(`Page${page.number}of${pages.length}`);
    }
    const body = pages.flatMap((p) => p.texts.filter((t) => t.kind === 'content').map((t) => t.str)).join('');
    expect(body).not.toMatch(/Page\d+of\d+/);
  });

  it('has the headings in reading order with their text, the bookmarked ones in bookmark order, no level skipped', () => {
    const headings = all.filter((n) => /^H[1-6]$/.test(n.role));
    expect(headings.every((h) => deepText(h) !== '')).toBe(true);
    const titles = outline.map((o) => o.title.replace(/\s+/g, ' ').trim());
    const bookmarked = headings.map((h) => deepText(h)).filter((t) => titles.includes(t));
    expect(bookmarked).toEqual(titles);
    let level = 0;
    for (const heading of headings) {
      const next = Number(heading.role.slice(1));
      expect(next, deepText(heading)).toBeLessThanOrEqual(level + 1);
      level = next;
    }
  });

  it('gives every table a header row of TH cells with text, and rows of TD cells', () => {
    const tables = byRole(all, 'Table');
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const rows = table.children.flatMap((part) => part.children);
      const bad = rows.filter((r) => r.role !== 'TR' || r.children.length === 0);
      expect(
        bad.map((r) => `${r.role}:${deepText(r)}`),
        deepText(table).slice(0, 80),
      ).toEqual([]);
      const head = byRole(table.children, 'THead')[0];
      const cells = (head?.children ?? []).flatMap((row) => row.children);
      expect(cells.length, deepText(table).slice(0, 80)).toBeGreaterThan(0);
      expect(cells.every((c) => c.role === 'TH')).toBe(true);
      if (cells.every((c) => deepText(c) === '')) {
        // pdf.js lists a table's elements on each page it spans; on a page it continues onto, the header
        // row is an artifact and the first rows were read on the page before.
        expect(deepText(byRole(table.children, 'TBody')[0]?.children[0] as TagNode)).toBe('');
      } else expect(cells.map(deepText).filter((t) => t === '')).toEqual([]);
    }
    const heads = byRole(all, 'TH').map(deepText);
    expect(heads).toContain('System');
    const cells = byRole(all, 'TD').map(deepText).join(' ');
    for (const system of comparison.systems) expect(cells).toContain(system.name.replace(/`/g, '').split(' ')[0]);
  });

  it('tags the contents as a TOC with an entry per bookmarked section', () => {
    const toc = byRole(all, 'TOC');
    const entries = toc.flatMap((t) => byRole(t.children, 'TOCI')).map(deepText);
    expect(entries.length).toBeGreaterThan(8);
    expect(entries.some((e) => e.startsWith('Executive summary'))).toBe(true);
  });

  it('draws one Figure per diagram, with the diagram title and description as its alternate text', () => {
    const figures = byRole(all, 'Figure');
    const titles = diagramTitles(comparison);
    expect(figures.length).toBe(titles.length);
    figures.forEach((figure, i) => {
      expect(figure.alt?.startsWith(titles[i] ?? '?'), `${figure.alt} / ${titles[i]}`).toBe(true);
      expect((figure.alt ?? '').length).toBeGreaterThan((titles[i] ?? '').length + 10);
      // Still vector with real text: pdf.js reads the labels as Unicode text inside the figure.
      expect(deepText(figure), figure.alt).toMatch(/\p{L}{2,}|\d/u);
    });
    expect(vectorOnly, 'no raster image in a report without content images').toBe(true);
  });

  it('puts every link annotation in a Link element, described by its /Contents', () => {
    for (const page of pages) {
      const inLinks = new Set(
        elements(page)
          .filter((n) => n.role === 'Link')
          .flatMap((n) => n.objects),
      );
      for (const link of page.links) {
        expect(inLinks.has(link.id), `page ${page.number} annotation ${link.id}`).toBe(true);
        expect(link.contents.trim(), `page ${page.number} annotation ${link.id}`).not.toBe('');
      }
    }
    expect(pages.flatMap((p) => p.links).length).toBeGreaterThan(10);
  });

  it('wraps each citation in a Reference', () => {
    const references = byRole(all, 'Reference');
    expect(references.length).toBeGreaterThan(2);
    expect(references.every((r) => r.children[0]?.role === 'Link' && /^\[\d+\]$/.test(deepText(r)))).toBe(true);
  });

  it('lands every bookmark on its heading: same page, its y within 2 pt of the heading text', () => {
    expect(outline.length).toBeGreaterThan(8);
    for (const entry of outline) {
      const [, , left, top] = entry.dest as [unknown, unknown, number, number];
      const page = pages[entry.page - 1];
      const word = entry.title.split(' ')[0] ?? '';
      const candidates = (page?.texts ?? []).filter(
        (t) => t.kind === 'content' && t.str.replace(/\u200B/g, '') === word,
      );
      const nearest = Math.min(...candidates.map((t) => Math.abs(t.top - top) + Math.abs(t.x - left)));
      expect(nearest, `${entry.title} on page ${entry.page}`).toBeLessThanOrEqual(2);
    }
  });
});

describe('the review-shaped report', () => {
  it('tags the Markdown lists as L / LI / LBody, with the numbers of an ordered list as Lbl', async () => {
    const { pages } = await readTagged((await render('review.md', reviewSource())).bytes);
    const lists = pages.flatMap(elements).filter((n) => n.role === 'L');
    const items = (list: TagNode) => list.children.filter((c) => c.role === 'LI');
    const bullets = lists.find((l) => deepText(l).startsWith('Alpha'));
    expect(bullets && items(bullets).map((li) => deepText(byRole(li.children, 'LBody')[0] as TagNode))).toEqual([
      'Alpha with its default profile',
      'Bravo, hardened per the guide',
      'Charlie',
    ]);
    const numbered = lists.find((l) => deepText(l).includes('Read the documentation'));
    expect(numbered && items(numbered).map((li) => li.children.map((c) => `${c.role}:${deepText(c)}`))).toEqual([
      ['Lbl:1.', 'LBody:Read the documentation'],
      ['Lbl:2.', 'LBody:Ran the test suite'],
      ['Lbl:3.', 'LBody:Wrote this report'],
    ]);
  }, 120_000);
});

describe('content images in the tagged report', () => {
  it('makes an image with alt text a Figure with that alt, and one with empty alt an artifact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskdeck-tagged-img-'));
    try {
      mkdirSync(join(dir, 'content'));
      writeFileSync(join(dir, 'content/diagram.png'), png(400, 200));
      const text = readFileSync('test/fixtures/content/minimal.yaml', 'utf8').replace(
        'summary: Two systems, one threat.',
        'summary: "The setup:\\n\\n![Setup &amp; network diagram](diagram.png)\\n\\n![](diagram.png)"',
      );
      writeFileSync(join(dir, 'content/with-image.yaml'), text);
      const [result] = await build({ cwd: dir, outputs: [reportOutput], sourceDateEpoch: '1767225600' });
      expect(result?.error).toBeUndefined();
      const { pages } = await readTagged(readFileSync(join(dir, 'dist/with-image/report.pdf')));
      const figures = pages.flatMap(elements).filter((n) => n.role === 'Figure');
      expect(figures.map((f) => f.alt).filter((alt) => !alt?.startsWith('Risk matrix'))).toEqual([
        'Setup & network diagram',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the pdfmake extension (pdf-tagging.ts)', () => {
  const require = createRequire(import.meta.url);
  it(`is written for pdfmake ${PDFMAKE_VERSION}; an upgrade must re-check every hooked method`, () => {
    const { version } = require('pdfmake/package.json') as { version: string };
    expect(
      version,
      `pdfmake is ${version}: read Renderer.js and LayoutBuilder.js of the new version, check that the hooks in src/outputs/report/pdf-tagging.ts still see every line, vector, SVG and image drawn, then update PDFMAKE_VERSION`,
    ).toBe(PDFMAKE_VERSION);
    for (const [name, methods] of Object.entries(HOOKS)) {
      const proto = (require(`pdfmake/js/${name}.js`) as { default: { prototype: Record<string, unknown> } }).default
        .prototype;
      for (const method of methods) expect(typeof proto[method], `${name}#${method}`).toBe('function');
    }
  });

  it('still finds in the renderer the calls it relies on: one text() per inline, outlines and destinations per line', () => {
    const source = readFileSync(require.resolve('pdfmake/js/Renderer.js'), 'utf8');
    expect(source).toMatch(
      /for \(let i = 0, l = line\.inlines\.length; i < l; i\+\+\) \{[\s\S]*?this\.pdfDocument\.text\(inline\.text/,
    );
    expect(source).toContain('parentOutline.addItem(line._outline.text');
    const layout = readFileSync(require.resolve('pdfmake/js/LayoutBuilder.js'), 'utf8');
    expect(layout).toContain('let line = this.buildNextLine(node);');
  });
});
