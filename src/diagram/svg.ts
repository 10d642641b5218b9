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
  /** What the SVG draws, as shapes in its own px: other outputs draw the same diagram natively from them. */
  readonly shapes: readonly Shape[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * One thing a diagram draws, in px of the diagram's box. The layout is computed once into these; `drawSvg`
 * writes them as SVG, and an output without SVG (a presentation file) draws each as a native shape.
 */
export type Shape =
  | {
      readonly kind: 'group';
      readonly attrs: Attributes;
      /** The group's `<title>`: what it shows, in words. */
      readonly title?: string;
      /** Turned by `angle` degrees about (cx, cy), as an SVG `rotate()`. */
      readonly rotate?: { readonly angle: number; readonly cx: number; readonly cy: number };
      readonly children: readonly Shape[];
    }
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly rx?: number;
      readonly fill: string;
      readonly stroke?: string;
      readonly strokeWidth?: number;
    }
  | {
      readonly kind: 'line';
      readonly from: Point;
      readonly to: Point;
      readonly stroke: string;
      readonly strokeWidth: number;
    }
  | { readonly kind: 'text'; readonly block: TextBlock }
  /** An orthogonal route ending in an arrowhead. */
  | { readonly kind: 'edge'; readonly route: readonly Point[]; readonly colour: string; readonly strokeWidth: number };

export type ShapeOf<K extends Shape['kind']> = Extract<Shape, { kind: K }>;

export const group = (
  attrs: Attributes,
  children: readonly Shape[],
  more: { readonly title?: string; readonly rotate?: NonNullable<ShapeOf<'group'>['rotate']> } = {},
): Shape => ({ kind: 'group', attrs, children, ...more });

export const text = (block: TextBlock): Shape => ({ kind: 'text', block });

export const rectangle = (shape: Omit<ShapeOf<'rect'>, 'kind'>): Shape => ({ kind: 'rect', ...shape });

/** The one font the diagrams are measured and drawn with (pdfmake resolves "Roboto" to its TTFs). */
export const FONT_FAMILY = 'Roboto, sans-serif';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// XML 1.0 forbids most C0 controls and lone surrogates even as character references: dropped, not escaped.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text XML can hold: characters it forbids are dropped (what a parser of `escapeXml`'s output reads). */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '');
}

export function escapeXml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
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

/** A coordinate as the SVG writes it (`num`), as a number: other drawings of the shapes land on the same spot. */
export function rounded(value: number): number {
  return Number(num(value));
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

const ARROW = { length: 8, halfWidth: 4.5 } as const;

/** An orthogonal route ending in an arrowhead polygon (svg-to-pdfkit draws no markers). */
function edgeSvg(route: readonly Point[], colour: string, strokeWidth: number): string {
  const end = route[route.length - 1];
  const before = route[route.length - 2];
  if (!end || !before) return '';
  const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  const base = { x: end.x - ux * ARROW.length, y: end.y - uy * ARROW.length };
  const points = [...route.slice(0, -1), base];
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ');
  const head = [
    end,
    { x: base.x - uy * ARROW.halfWidth, y: base.y + ux * ARROW.halfWidth },
    { x: base.x + uy * ARROW.halfWidth, y: base.y - ux * ARROW.halfWidth },
  ];
  return (
    element('path', { d, fill: 'none', stroke: colour, 'stroke-width': strokeWidth }) +
    element('polygon', { points: head.map((p) => `${num(p.x)},${num(p.y)}`).join(' '), fill: colour })
  );
}

/** The shapes as SVG elements, in order. */
export function drawSvg(measure: TextMeasure, shapes: readonly Shape[]): string {
  return shapes.map((shape) => shapeSvg(measure, shape)).join('');
}

function shapeSvg(measure: TextMeasure, shape: Shape): string {
  switch (shape.kind) {
    case 'group': {
      const r = shape.rotate;
      const transform = r ? { transform: `rotate(${r.angle} ${num(r.cx)} ${num(r.cy)})` } : {};
      const title = shape.title === undefined ? '' : element('title', {}, escapeXml(shape.title));
      return element('g', { ...shape.attrs, ...transform }, title + drawSvg(measure, shape.children));
    }
    case 'rect':
      return element('rect', {
        x: shape.x,
        y: shape.y,
        width: shape.width,
        height: shape.height,
        rx: shape.rx,
        fill: shape.fill,
        stroke: shape.stroke,
        'stroke-width': shape.strokeWidth,
      });
    case 'line':
      return element('line', {
        x1: shape.from.x,
        y1: shape.from.y,
        x2: shape.to.x,
        y2: shape.to.y,
        stroke: shape.stroke,
        'stroke-width': shape.strokeWidth,
      });
    case 'text':
      return textBlock(measure, shape.block);
    case 'edge':
      return edgeSvg(shape.route, shape.colour, shape.strokeWidth);
  }
}

export interface SvgDocument {
  /** Prefix of every id in the diagram, unique on a page. */
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  readonly shapes: readonly Shape[];
}

export function svgDocument(measure: TextMeasure, doc: SvgDocument): DiagramSvg {
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
      drawSvg(measure, doc.shapes),
  );
  return { svg, width, height, title: doc.title, description: doc.description, shapes: doc.shapes };
}
