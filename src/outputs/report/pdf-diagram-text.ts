import type { TextMeasure } from '../../diagram/measure.js';
import { rounded, type TextBlock, xmlText } from '../../diagram/svg.js';

/**
 * A diagram's text drawn into the PDF as svg-to-pdfkit (pdfmake 0.3.11's copy) drew the same `<text>`
 * element, so that the page looks the same without the SVG: white space collapsed across the element's
 * text nodes, one text chunk per line anchored by its width, each run positioned glyph by glyph from the
 * font's own layout (kerning included) and written as `Tm` + `TJ`, zero-width glyphs left out.
 */

export interface PdfFont {
  readonly id: string;
  ref(): unknown;
  /** pdfkit's EmbeddedFont#encode: glyph ids as hex, and positions in thousandths of an em. */
  encode(
    text: string,
  ): [string[], { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]];
}

export interface TextDocument {
  page: { fonts: Record<string, unknown> };
  addContent(data: string): TextDocument;
  fillColor(colour: string): unknown;
}

/** One glyph placed in the diagram's px. */
interface Placed {
  glyph: string;
  kern: number;
  width: number;
  x: number;
  y: number;
  continuous: boolean;
}

/** svg-to-pdfkit's `validateNumber`: six decimals, and 0 for what PDF cannot hold. */
const n6 = (n: number) => (n > -1e21 && n < 1e21 ? Math.round(n * 1e6) / 1e6 : 0);
const isZero = (n: number) => Math.abs(n) < 1e-10;

/** svg-to-pdfkit's `getTextPos`, then its position of each glyph from the pen at (x, y). */
function place(font: PdfFont, size: number, text: string, pen: { x: number; y: number }, first: boolean): Placed[] {
  const [hex, positions] = font.encode(text);
  return hex.map((glyph, i) => {
    const p = positions[i] ?? { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 0 };
    const placed = {
      glyph,
      kern: p.advanceWidth - p.xAdvance,
      width: (p.advanceWidth * size) / 1000,
      x: pen.x + (p.xOffset * size) / 1000,
      y: pen.y + (p.yOffset * size) / 1000,
      continuous: !(first && i === 0),
    };
    pen.x += (p.xAdvance * size) / 1000;
    pen.y += (p.yAdvance * size) / 1000;
    return placed;
  });
}

/** `docWriteGlyphs`: a `Tm` where the run is not continuous, the glyphs in `TJ` with their kerning. */
function writeGlyphs(doc: TextDocument, glyphs: readonly Placed[]): void {
  let commands: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending.length) commands.push(`<${pending}> 0`);
    pending = '';
    if (commands.length) doc.addContent(`[${commands.join(' ')}] TJ`);
    commands = [];
  };
  const add = (g: Placed) => {
    pending += g.glyph;
    if (g.kern === 0) return;
    commands.push(`<${pending}> ${n6(g.kern)}`);
    pending = '';
  };
  for (const g of glyphs) {
    if (isZero(g.width)) {
      flush();
      continue;
    }
    if (g.continuous) {
      add(g);
      continue;
    }
    flush();
    doc.addContent(`1 0 0 -1 ${n6(g.x)} ${n6(g.y)} Tm`);
    add(g);
  }
  flush();
}

/** A text node of the `<text>` element as svg-to-pdfkit read it: its text, font family and line (if in one). */
interface SvgTextNode {
  readonly raw: string;
  readonly family: string | undefined;
  readonly line: number | undefined;
}

/** White space xmldoc writes between elements (a line break and indentation; svg-to-pdfkit collapses it). */
const BREAK = '\n ';

/**
 * The text nodes svg-to-pdfkit drew for a text block. pdfmake gave it the SVG as xmldoc prints it again
 * (`writeDimensions`): every element with element children gets a line break and indentation around each
 * child, and every text node is trimmed. So a space ends each line but the last (moving anchored lines
 * by half a space), and runs in a fallback font are set apart by a space; the drawing here keeps both.
 */
function svgTextNodes(measure: TextMeasure, block: TextBlock): SvgTextNode[] {
  const nodes: SvgTextNode[] = [{ raw: BREAK, family: undefined, line: undefined }];
  block.lines.forEach((text, line) => {
    const runs = measure.runs(text, block.bold).map((run) => ({ family: run.family, raw: xmlText(run.text).trim() }));
    const [only] = runs;
    if (runs.length === 1 && only && only.family === undefined) nodes.push({ raw: only.raw, family: undefined, line });
    else if (runs.length > 0) {
      let own = BREAK;
      for (const run of runs) {
        if (run.family === undefined) own += run.raw + BREAK;
        else {
          nodes.push({ raw: own, family: undefined, line }, { raw: run.raw, family: run.family, line });
          own = BREAK;
        }
      }
      nodes.push({ raw: own, family: undefined, line });
    }
    nodes.push({ raw: BREAK, family: undefined, line: undefined });
  });
  return nodes;
}

const ANCHOR = { start: 0, middle: 0.5, end: 1 } as const;

/** svg-to-pdfkit's `doAnchoring`: a chunk moved left by its share of its width. */
function anchor(chunk: Placed[], how: TextBlock['anchor']): void {
  const first = chunk[0];
  const last = chunk[chunk.length - 1];
  if (!first || !last) return;
  const shift = ANCHOR[how ?? 'start'] * (last.x + last.width - first.x) || 0;
  for (const g of chunk) g.x -= shift;
}

/**
 * Draws a text block (in the diagram's px, inside its transform). `fontFor` gives the PDF font of a run's
 * family (undefined: the diagram's own) as pdfmake resolves it.
 */
export function drawTextBlock(
  doc: TextDocument,
  measure: TextMeasure,
  block: TextBlock,
  fontFor: (family: string | undefined, bold: boolean) => PdfFont,
): void {
  const size = rounded(block.fontSize);
  const baseline = (block.lineHeight + measure.capHeight(block.fontSize)) / 2;
  const nodes = svgTextNodes(measure, block);
  let remaining = nodes.map((node) => node.raw).join('');
  let processed = '';
  const drawn: { font: PdfFont; glyphs: Placed[] }[] = [];
  const pen = { x: 0, y: 0 };
  let chunk: Placed[] = [];
  let started = -1;
  for (const node of nodes) {
    remaining = remaining.substring(node.raw.length);
    let text = node.raw.replace(/[\s]+/g, ' ');
    if (/[\s]$|^$/.test(processed)) text = text.replace(/^[\s]/, '');
    if (/^[\s]*$/.test(remaining)) text = text.replace(/[\s]$/, '');
    processed += node.raw;
    // A line's first glyph is placed at its tspan's x and y, and starts a chunk (anchoring the one before).
    if (text !== '' && node.line !== undefined && node.line > started) {
      anchor(chunk, block.anchor);
      chunk = [];
      started = node.line;
      pen.x = rounded(block.x);
      pen.y = rounded(block.top + node.line * block.lineHeight + baseline);
    }
    const font = fontFor(node.family, block.bold === true);
    const glyphs = place(font, size, text, pen, true);
    chunk.push(...glyphs);
    drawn.push({ font, glyphs });
  }
  anchor(chunk, block.anchor);
  for (const { font, glyphs } of drawn) {
    doc.fillColor(block.fill);
    if (!doc.page.fonts[font.id]) doc.page.fonts[font.id] = font.ref();
    doc.addContent('BT').addContent(`/${font.id} ${size} Tf`);
    doc.addContent('0 Tr');
    writeGlyphs(doc, glyphs);
    doc.addContent('ET');
  }
}
