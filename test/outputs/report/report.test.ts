import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { createMarkdown } from '../../../src/markdown/markdown.js';
import { compileSource } from '../../../src/model/compile.js';
import { type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { reportDiagrams } from '../../../src/outputs/report/diagrams.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { build } from '../../../src/pipeline/build.js';
import { loadTemplates } from '../../../src/resources/templates.js';
import { type ReadPdf, readPdf } from '../../helpers/pdf.js';
import { png } from '../../helpers/png.js';
import { normalizeText, seedSentences } from '../../helpers/seed.js';

const SEED_CONTENT = 'content/runc-vs-kata.md';
const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z

let resources: RenderResources;

async function renderReport(path: string, sourceDateEpoch = EPOCH, res = resources) {
  const source = { path, text: readFileSync(path, 'utf8') };
  const rendered = await renderSource(source, [reportOutput], res, { sourceDateEpoch });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
  return { bytes: pdf.data, warnings: rendered.warnings, comparison: rendered.comparison };
}

beforeAll(async () => {
  resources = { fonts: await loadFonts(), templates: await loadTemplates() };
});

describe('the report of the seed comparison', () => {
  let pdf: ReadPdf;
  let text: string;
  let comparison: Awaited<ReturnType<typeof renderReport>>['comparison'];
  beforeAll(async () => {
    const report = await renderReport(SEED_CONTENT);
    expect(report.warnings).toEqual([]);
    comparison = report.comparison;
    pdf = await readPdf(report.bytes);
    text = pdf.pages.map((p) => p.text).join(' ');
  });

  it('contains every statement of the seed, word for word', () => {
    const sentences = seedSentences();
    expect(sentences.length).toBeGreaterThan(25);
    expect(sentences.filter((s) => !text.includes(s))).toEqual([]);
  });

  it('bookmarks every section, with the threats under "Threats"', () => {
    const top = pdf.outline.filter((o) => o.depth === 1).map((o) => o.title);
    expect(top).toEqual([
      'Document control',
      'Contents',
      'Executive summary',
      'Methodology',
      'Systems compared',
      'Scope',
      'Risk overview',
      'Threats',
      'Defense mechanisms',
      'Comparison',
      'Potential defense against attacks',
      'Which is better against what',
      'Example Attack Flow',
      'References',
    ]);
    const threats = pdf.outline.findIndex((o) => o.title === 'Threats');
    expect(pdf.outline.slice(threats + 1, threats + 4).map((o) => [o.depth, o.title])).toEqual([
      [2, 'T1 Container Escape'],
      [2, 'T2 Kernel Vulnerabilities'],
      [2, 'T3 Resource Starvation'],
    ]);
    expect(pdf.outline.every((o) => o.page > 1)).toBe(true);
  });

  it('lists the sections in the table of contents with the pages they start on', () => {
    const toc = pdf.pages.find((p) => p.text.startsWith('Contents'));
    expect(toc).toBeDefined();
    const entries = pdf.outline.filter((o) => o.title !== 'Contents' && o.depth <= 2);
    expect(entries.length).toBeGreaterThan(15);
    for (const entry of entries) {
      const escaped = entry.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const listed = new RegExp(`${escaped} (\\d+)`).exec(toc?.text ?? '');
      expect(listed?.[1], entry.title).toBe(String(entry.page));
    }
  });

  it('says "Page X of Y" on every page but the cover', () => {
    const total = pdf.pages.length;
    expect(total).toBeGreaterThan(5);
    expect(pdf.pages[0]?.text).not.toMatch(/Page \d+ of/);
    for (const page of pdf.pages.slice(1)) expect(page.text).toContain(`Page ${page.number} of ${total}`);
    for (const page of pdf.pages.slice(1)) expect(page.text).toContain('Internal');
  });

  it('links every reference to its URL, and every citation to its reference', async () => {
    const urls = new Set(pdf.pages.flatMap((p) => p.links.map((l) => l.url)));
    for (const reference of comparison.references) expect(urls).toContain(reference.url);
    const citations = pdf.pages.flatMap((p) => p.links.flatMap((l) => (l.dest ? [l.dest] : [])));
    expect(citations).toEqual(
      expect.arrayContaining(['ref-oci-runtime-spec', 'ref-kata-architecture', 'ref-nist-800-190']),
    );
    const referencesPage = pdf.outline.find((o) => o.title === 'References')?.page ?? 0;
    for (const reference of comparison.references) {
      expect(await pdf.destinationPage(`ref-${reference.id}`)).toBeGreaterThanOrEqual(referencesPage);
    }
  });

  it('carries the metadata: plain-text title, author, subject, keywords, language and the fixed date', () => {
    const md = createMarkdown();
    expect(pdf.info.Title).toBe(md.plain(comparison.meta.title));
    expect(pdf.info.Title).toBe('Security Comparison: runc Containers vs. Kata Containers');
    expect(pdf.info.Author).toBe('riskdeck security team');
    expect(pdf.info.Subject).toBe(comparison.meta.subtitle);
    expect(pdf.info.Keywords).toContain('Kata Containers');
    expect(pdf.info.Language).toBe('en');
    expect(pdf.info.CreationDate).toBe('D:20260101000000Z');
    expect(pdf.info.ModDate).toBe('D:20260101000000Z');
  });

  it('prints ratings as words, not colour alone', () => {
    expect(text).toContain('T1 Container Escape High · 15 Medium · 6');
    expect(text).toContain('Critical Vulnerable if a zero-day exploit targets the shared kernel.');
  });
});

describe('report layout', () => {
  it('repeats the header row of a table that runs onto the next page (60 rows)', async () => {
    const pdf = await readPdf((await renderReport('test/fixtures/content/sixty-dimensions.yaml')).bytes);
    const withRows = pdf.pages.filter((p) => /Dimension \d\d \w+ Alpha row/.test(p.text));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page.text).toContain('Dimension Alpha Beta Gamma');
    expect(withRows.at(-1)?.text).toContain('Alpha row 60');
  });

  it('keeps eight systems, long words and long URLs on the page', async () => {
    const pdf = await readPdf((await renderReport('test/fixtures/content/eight-systems-long-words.yaml')).bytes);
    const text = pdf.pages.map((p) => p.text).join(' ');
    expect(text).toContain('Theta Bare Metal');
    expect(text).toContain('All eight are equal here.');
    expect(text).toMatch(/Everything Tie: Alpha/);
    for (const page of pdf.pages) {
      for (const item of page.items) {
        if (item.str.trim() === '') continue;
        expect(item.x, `page ${page.number}: "${item.str}"`).toBeGreaterThanOrEqual(40);
        expect(item.x + item.width, `page ${page.number}: "${item.str}"`).toBeLessThanOrEqual(page.width - 40);
      }
    }
  });

  it('warns about characters no font of the chain has a glyph for, naming the field and the character', async () => {
    const { warnings } = await renderReport('test/fixtures/content/cjk-missing-glyphs.yaml');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ file: 'test/fixtures/content/cjk-missing-glyphs.yaml', line: 13, column: 12 });
    expect(warnings[0]?.path).toBe('threats[0].title');
    expect(warnings[0]?.message).toContain('no report font (Roboto, DejaVu Sans) has a glyph for');
    expect(warnings[0]?.message).toContain('"容" (CJK UNIFIED IDEOGRAPH-5BB9, U+5BB9)');
    expect(warnings[1]?.path).toBe('threats[0].assessments.beta.text');
    expect(warnings[1]?.message).toContain('"隔" (CJK UNIFIED IDEOGRAPH-9694, U+9694)');
  });

  it('prints content that looks like template syntax as text; it never acts', async () => {
    const { bytes } = await renderReport('test/fixtures/content/directive-injection.md');
    const pdf = await readPdf(bytes);
    const text = pdf.pages.map((p) => p.text).join(' ');
    expect(text).toContain(
      '::: page-break ::: references {{> cover}} and {{#each systems}}x{{/each}} and a | pipe | row.',
    );
    expect(text).toContain('Injection {{meta.title}} ::: toc');
    expect(text).toContain('Alpha | with a pipe');
    expect(text).toContain('::: cover');
    // The summary's ":::" lines neither broke the page nor listed references; no cover was drawn twice.
    expect(pdf.outline.map((o) => o.title)).not.toContain('References');
    const summary = pdf.outline.find((o) => o.title === 'Executive summary');
    expect(pdf.outline.find((o) => o.title === 'Systems compared')?.page).toBe(summary?.page);
    expect(pdf.pages.filter((p) => p.text.includes('Prepared by Mallory'))).toHaveLength(1);
    // A content heading ranks under the template heading it follows.
    expect(pdf.outline.find((o) => o.title === 'Not a top-level section')?.depth).toBe(3);
  });
});

const GIF_1X1 = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

describe('report diagrams', () => {
  it('cuts a long attack flow into parts that each fit well on a page', async () => {
    const path = 'test/fixtures/content/long-attack-flow.yaml';
    const { comparison } = compileSource({ path, text: readFileSync(path, 'utf8') });
    const [width, height] = [471, 706];
    const flow = comparison.flows[0];
    if (!flow) throw new Error('no flow');
    const parts = reportDiagrams(comparison, resources.fonts, width, height).attackFlow(flow) as {
      stack: { svg?: string; width?: number; height?: number }[];
    }[];
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      const svg = part.stack.find((n) => n.svg !== undefined);
      expect(svg?.width).toBeLessThanOrEqual(width);
      expect(svg?.height).toBeLessThanOrEqual(height * 0.45);
    }
    const pdf = await readPdf((await renderReport(path)).bytes);
    const text = pdf.pages.map((p) => p.text).join(' ');
    // The diagram's text is real text, drawn in the embedded font.
    expect(text).toContain('continues with step');
    expect(text).toContain('Step 30 of the intrusion');
  });
});

describe('report images', () => {
  it('embeds checked PNG images of the content, and shows images pdfkit cannot embed as their alt text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskdeck-report-img-'));
    try {
      mkdirSync(join(dir, 'content'));
      writeFileSync(join(dir, 'content/diagram.png'), png(400, 200));
      writeFileSync(join(dir, 'content/pixel.gif'), Buffer.from(GIF_1X1, 'base64'));
      const text = readFileSync('test/fixtures/content/minimal.yaml', 'utf8').replace(
        'summary: Two systems, one threat.',
        'summary: "The setup:\\n\\n![Setup diagram](diagram.png)\\n\\n![A GIF](pixel.gif) is not embedded."',
      );
      writeFileSync(join(dir, 'content/with-image.yaml'), text);
      const [result] = await build({ cwd: dir, outputs: [reportOutput], sourceDateEpoch: EPOCH });
      expect(result?.error).toBeUndefined();
      const bytes = readFileSync(join(dir, 'dist/with-image/report.pdf'));
      expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
      const pdf = await readPdf(bytes);
      const all = pdf.pages.map((p) => p.text).join(' ');
      expect(all).toContain('The setup:');
      expect(all).not.toContain('[Setup diagram]');
      expect(all).toContain('[A GIF] is not embedded.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('report reproducibility', () => {
  it('gives the same bytes for the same SOURCE_DATE_EPOCH, and dates the PDF from it', async () => {
    const a = await renderReport(SEED_CONTENT, EPOCH);
    const b = await renderReport(SEED_CONTENT, EPOCH);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const c = await renderReport(SEED_CONTENT, '1767312000');
    expect(Buffer.compare(a.bytes, c.bytes)).not.toBe(0);
    expect((await readPdf(c.bytes)).info.CreationDate).toBe('D:20260102000000Z');
  });
});

describe('report templates', () => {
  it('takes its sections and wording from templates that can be overridden', async () => {
    const templates = new Map(resources.templates);
    templates.set('report/partials/summary.hbs', '# Management summary\n\nIn short: {{meta.summary}}\n');
    templates.set('report/footer.hbs', 'Custom foot\nSeite {{page}} von {{pages}}\n');
    const { bytes } = await renderReport(SEED_CONTENT, EPOCH, { ...resources, templates });
    const pdf = await readPdf(bytes);
    expect(pdf.outline.map((o) => o.title)).toContain('Management summary');
    expect(pdf.pages[1]?.text).toContain(`Seite 2 von ${pdf.pages.length}`);
    expect(normalizeText(pdf.pages.map((p) => p.text).join(' '))).toContain('In short: runc containers share');
  });

  it('names the template and the problem when a template is wrong', async () => {
    const withSummary = (text: string) => new Map([...resources.templates, ['report/partials/summary.hbs', text]]);
    await expect(
      renderReport(SEED_CONTENT, EPOCH, { ...resources, templates: withSummary('{{meta.summmary}}\n') }),
    ).rejects.toThrow(/templates\/report\/report\.hbs: "summmary" not defined/);
    await expect(
      renderReport(SEED_CONTENT, EPOCH, { ...resources, templates: withSummary('::: no-such-thing\n') }),
    ).rejects.toThrow(/unknown directive "::: no-such-thing"/);
  });
});
