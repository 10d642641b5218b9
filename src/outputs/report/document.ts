import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { createMarkdown, type MarkdownRenderer } from '../../markdown/markdown.js';
import type { ContentImage } from '../../resources/images.js';
import type { RenderContext } from '../render.js';
import { type Converter, createConverter, embeddable } from './convert.js';
import { reportDiagrams } from './diagrams.js';
import { type DirectiveContext, runDirective } from './directives.js';
import { type SlotTable, templateView } from './slots.js';
import { type ReportStyle, reportStyle } from './style.js';
import { maxTableColumns } from './tables.js';
import { compileReportTemplates } from './template.js';

/** A line `::: name args…` of the template's output; everything else is Markdown. */
const DIRECTIVE = /^:::[ \t]*([a-z][a-z-]*)[ \t]*(.*)$/;

/** Page sizes in points, as pdfmake (pdfkit) has them. */
const PAGE_SIZE = {
  A4: [595.28, 841.89],
  LETTER: [612, 792],
  LEGAL: [612, 1008],
  A5: [419.53, 595.28],
  B5: [498.9, 708.66],
} as const;

/** The text block of a page (the page less its margins), in points. */
export function textBox(style: ReportStyle): { width: number; height: number } {
  const [left, top, right, bottom] = style.page.margins;
  const [pageWidth, pageHeight] = PAGE_SIZE[style.page.size];
  return { width: pageWidth - left - right, height: pageHeight - top - bottom };
}

/** A heading this far down a page moves to the next one rather than sit apart from its text. */
const HEADING_LOW_ON_PAGE = 0.8;
/** Up to this much text, a heading and what it introduces always fit on one page. */
const KEEP_TOGETHER_CHARS = 1500;
/**
 * A table with more text than this is not moved whole with its heading: its rows fill the page the heading is
 * on (the header row and first row stay together), rather than leave that page half empty.
 */
const KEEP_TABLE_CHARS = 600;
/** Paragraphs between a heading and the table or diagram it introduces, at most. */
const MAX_INTRO_BLOCKS = 3;
/** Extra layout passes spent on headings that grouping could not keep off the foot of a page. */
const MAX_LAYOUT_PASSES = 3;

function textLength(node: unknown): number {
  if (typeof node === 'string') return node.length;
  if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + textLength(item), 0);
  if (node === null || typeof node !== 'object') return 0;
  const { text, stack, table, ul, ol, columns } = node as Record<string, unknown>;
  const body = (table as { body?: unknown } | undefined)?.body;
  return (
    textLength(text) + textLength(stack) + textLength(body) + textLength(ul) + textLength(ol) + textLength(columns)
  );
}

/**
 * A heading goes on one page with what it introduces (pdfmake `unbreakable`), decided before layout:
 * with the blocks under it up to and including the first table or diagram when all of that surely fits
 * a page, else with the blocks before the table, else with its first block. So no heading ends a page,
 * and a table is cut off from its heading only when heading and table cannot share a page anyway.
 */
function keepHeadingsWithNext(content: readonly Content[]): Content[] {
  // Walked as plain objects: pdfmake node types do not name one another's keys.
  const nodes = content as unknown as readonly Record<string, unknown>[];
  // A table part's caption (`keepWithNext`) is kept with its table as a heading is.
  const isHeading = (n: Record<string, unknown> | undefined) =>
    n?.headlineLevel !== undefined || n?.keepWithNext === true;
  const isFigure = (n: Record<string, unknown> | undefined): boolean =>
    n?.table !== undefined || n?.svg !== undefined || (Array.isArray(n?.stack) && n.stack.some(isFigure));
  const fits = (from: number, to: number) =>
    to < nodes.length && textLength(nodes.slice(from, to + 1)) <= KEEP_TOGETHER_CHARS;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (!isHeading(nodes[i])) {
      out.push(nodes[i] ?? {});
      continue;
    }
    let last = i;
    while (isHeading(nodes[last + 1])) last++;
    // The first table or diagram within the next few blocks, if no heading comes first.
    let figure = last + 1;
    while (
      figure <= last + MAX_INTRO_BLOCKS &&
      figure < nodes.length &&
      !isFigure(nodes[figure]) &&
      !isHeading(nodes[figure])
    ) {
      figure++;
    }
    const movable = (n: Record<string, unknown> | undefined) =>
      n?.table === undefined || textLength(n) <= KEEP_TABLE_CHARS;
    const candidates = isFigure(nodes[figure])
      ? [...(movable(nodes[figure]) ? [figure] : []), figure - 1, last + 1]
      : [last + 1];
    const end = candidates.find((to) => to > last && fits(i, to)) ?? last;
    // The group moves as a whole; a page break asked for a heading in it would leave a blank page.
    out.push(
      end === i
        ? (nodes[i] ?? {})
        : {
            stack: nodes.slice(i, end + 1).map(({ headlineLevel: _, keepWithNext: __, ...n }) => n),
            unbreakable: true,
          },
    );
    i = end;
  }
  return out as unknown as Content[];
}

/**
 * Each page break pdfmake's `pageBreakBefore` asks for costs a whole new layout pass (seconds in a
 * report of hundreds of pages), so it only catches the few headings grouping could not hold.
 */
function headingBreaks(): NonNullable<TDocumentDefinitions['pageBreakBefore']> {
  let breaks = 0;
  return (node) => {
    if (breaks >= MAX_LAYOUT_PASSES || node.headlineLevel === undefined) return false;
    if (node.startPosition.verticalRatio <= HEADING_LOW_ON_PAGE) return false;
    breaks++;
    return true;
  };
}

/** The images a report can embed: the content's and the templates folder's PNG and JPEG files. */
export function reportImages(ctx: RenderContext): ContentImage[] {
  return [...ctx.images.values(), ...(ctx.templateImages?.values() ?? [])].filter(embeddable);
}

/** The template's output, split into Markdown and `::: directive` lines, as pdfmake nodes in order. */
function templateContent(body: string, values: SlotTable, convert: Converter, directives: DirectiveContext): Content[] {
  const content: Content[] = [];
  let markdown: string[] = [];
  const flush = () => {
    if (markdown.length > 0) content.push(...convert.template(markdown.join('\n')));
    markdown = [];
  };
  for (const line of body.split('\n')) {
    const directive = DIRECTIVE.exec(line);
    if (!directive) {
      markdown.push(line);
      continue;
    }
    flush();
    const args = values
      .value(directive[2] ?? '')
      .split(/\s+/)
      .filter(Boolean);
    content.push(...runDirective(directive[1] ?? '', args, directives));
  }
  flush();
  return content;
}

/** The header and footer templates give one line per column: left, then right. */
function furniture(
  render: (context: unknown) => string,
  view: object,
  convert: Converter,
  margins: readonly number[],
  name: 'header' | 'footer',
): (page: number, pages: number) => Content | null {
  const [left = 0, top = 0, right = 0] = margins;
  return (page, pages) => {
    if (page === 1) return null;
    const [leftText = '', rightText = ''] = render({ ...view, page, pages })
      .trim()
      .split('\n');
    return {
      columns: [
        { text: convert.templateLine(leftText.trim()), width: '*' },
        { text: convert.templateLine(rightText.trim()), width: 'auto', alignment: 'right' },
      ],
      columnGap: 16,
      style: name,
      margin: name === 'header' ? [left, top - 34, right, 0] : [left, 18, right, 0],
    };
  };
}

/** Title, authors, subject and keywords as plain text, with fixed dates so two builds are byte-identical. */
function documentInfo(comparison: RenderContext['comparison'], md: MarkdownRenderer, epoch: number) {
  const { meta } = comparison;
  const date = new Date(epoch * 1000);
  return {
    title: md.plain(meta.title),
    author: meta.authors.map((a) => md.plain(a.name)).join(', '),
    subject: meta.subtitle === undefined ? 'Security risk report' : md.plain(meta.subtitle),
    keywords: ['security risk report', ...comparison.systems.map((s) => md.plain(s.name))].join(', '),
    creator: 'riskdeck',
    producer: 'riskdeck (pdfmake)',
    // pdfkit derives the file ID from these; fixed dates make two builds byte-identical.
    creationDate: date,
    modDate: date,
  };
}

/**
 * The report as a pdfmake document: the template's output, split into Markdown and directive lines,
 * converted to nodes; header, footer, outline, contents, metadata. Pure: same context, same document.
 */
export function reportDocument(ctx: RenderContext): TDocumentDefinitions {
  const { comparison } = ctx;
  const style = reportStyle(ctx.templates);
  const templates = compileReportTemplates(ctx.templates);
  const { width, height } = textBox(style);
  const md = createMarkdown(comparison.references, undefined, { tableColumns: maxTableColumns(width, style) });
  const { view, table } = templateView(comparison, ctx.changes);
  const templateImages = ctx.templateImages ?? new Map();
  const convert = createConverter({ md, style, slots: table, width, height, images: ctx.images, templateImages });
  const directives: DirectiveContext = {
    comparison,
    convert,
    style,
    diagrams: reportDiagrams(comparison, ctx.fonts, width, height),
    width,
  };
  const content = templateContent(templates.body(view), table, convert, directives);
  return {
    pageSize: style.page.size,
    pageMargins: style.page.margins,
    version: '1.7',
    language: comparison.meta.language,
    displayTitle: true,
    info: documentInfo(comparison, md, ctx.epoch),
    // Names only: renderPdf serves the bytes of these same names from memory.
    images: Object.fromEntries(reportImages(ctx).map((image) => [image.output, image.output])),
    defaultStyle: { font: ctx.fonts.family, ...style.styles.body },
    styles: style.styles,
    content: keepHeadingsWithNext(content),
    header: furniture(templates.header, view, convert, style.page.margins, 'header'),
    footer: furniture(templates.footer, view, convert, style.page.margins, 'footer'),
    pageBreakBefore: headingBreaks(),
  };
}
