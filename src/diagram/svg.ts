import type { TextMeasure } from './measure.js';

/** What every diagram renders to: an SVG string to inline as-is, its size in px (= pt in the PDF), and titles. */
export interface DiagramSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The accessible name (also the SVG's `<title>`); a caption for the figure. */
  readonly title: string;
  /** The long description (also the SVG's `<desc>`): the diagram's content in words. */
  readonly description: string;
}

/** The one font the diagrams are measured and drawn with (pdfmake resolves "Roboto" to its TTFs). */
export const FONT_FAMILY = 'Roboto, sans-serif';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// XML 1.0 forbids most C0 controls and lone surrogates even as character references: dropped, not escaped.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/**
 * Coordinates rounded to 2 decimals, so that output bytes do not depend on float noise. A number that is
 * not finite is a bug upstream (a font metric that was missing, a division by zero): it must never reach
 * an SVG, where browsers and svg-to-pdfkit silently drop the element.
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`diagram: a coordinate is ${value}, not a finite number`);
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** Attributes in the order given; numbers rounded, text escaped, undefined left out. */
export function attributes(attrs: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

export function element(name: string, attrs: Attributes, children?: string): string {
  return children === undefined
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${children}</${name}>`;
}

export interface TextBlock {
  readonly lines: readonly string[];
  /** The anchor's x: the left edge, the centre or the right edge, by `anchor`. */
  readonly x: number;
  /** Top of the first line box. */
  readonly top: number;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly fill: string;
  readonly bold?: boolean;
  readonly anchor?: 'start' | 'middle' | 'end';
}

/** Lines of text with an explicit baseline each, capitals centred in their line box (no dominant-baseline). */
export function textBlock(measure: TextMeasure, block: TextBlock): string {
  const baseline = (block.lineHeight + measure.capHeight(block.fontSize)) / 2;
  const tspans = block.lines
    .map((line, i) =>
      element(
        'tspan',
        { x: block.x, y: block.top + i * block.lineHeight + baseline },
        runsOf(measure, line, block.bold),
      ),
    )
    .join('');
  return element(
    'text',
    {
      'font-size': block.fontSize,
      'font-weight': block.bold ? 'bold' : undefined,
      fill: block.fill,
      'text-anchor': block.anchor === 'start' ? undefined : block.anchor,
    },
    tspans,
  );
}

/**
 * A line's text, with each run a fallback font draws in a tspan naming that family: svg-to-pdfkit draws
 * a tspan in the named font, and the browser would otherwise pick its own fallback, not the one measured.
 */
function runsOf(measure: TextMeasure, line: string, bold: boolean | undefined): string {
  return measure
    .runs(line, bold)
    .map((run) =>
      run.family === undefined
        ? escapeXml(run.text)
        : element('tspan', { 'font-family': `'${run.family}'` }, escapeXml(run.text)),
    )
    .join('');
}

export interface SvgDocument {
  /** Prefix of every id in the diagram, unique on a page. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  readonly body: string;
}

export function svgDocument(doc: SvgDocument): DiagramSvg {
  const width = Math.ceil(doc.width);
  const height = Math.ceil(doc.height);
  const svg = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id: doc.id,
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${doc.id}-title ${doc.id}-desc`,
      'font-family': FONT_FAMILY,
    },
    element('title', { id: `${doc.id}-title` }, escapeXml(doc.title)) +
      element('desc', { id: `${doc.id}-desc` }, escapeXml(doc.description)) +
      doc.body,
  );
  return { svg, width, height, title: doc.title, description: doc.description };
}
