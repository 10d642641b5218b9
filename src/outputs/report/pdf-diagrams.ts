import * as rendererModule from 'pdfmake/js/Renderer.js';
import type { TextMeasure } from '../../diagram/measure.js';
import { type DiagramSvg, type Point, rounded, type Shape, type ShapeOf } from '../../diagram/svg.js';
import { drawTextBlock, type PdfFont, type TextDocument } from './pdf-diagram-text.js';

/**
 * Diagrams drawn into the PDF from their shapes (src/diagram/svg.ts), as pdfkit vector operations: no SVG is
 * written for the PDF, parsed (pdfmake parsed each one twice with xmldoc to size it, svg-to-pdfkit a third
 * time to draw it) or interpreted. The report's figure node (diagrams.ts) carries the diagram under
 * `_diagram` and a placeholder `<svg>` of its size for pdfmake's layout; this replaces pdfmake's
 * `Renderer#renderSVG` for such nodes and draws what svg-to-pdfkit drew for the same SVG: the same
 * viewport clip and scale, paths, colours, line styles and text placement (pdf-diagram-text.ts).
 */

export interface DiagramDrawing {
  readonly diagram: DiagramSvg;
  readonly measure: TextMeasure;
}

/** The placeholder pdfmake sizes the figure by (its measure reads width, height and viewBox). */
export function placeholderSvg(diagram: DiagramSvg): string {
  const { width, height } = diagram;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"/>`;
}

interface VectorDocument extends TextDocument {
  fonts: Record<string, unknown>;
  _fillColor: unknown;
  save(): VectorDocument;
  restore(): VectorDocument;
  translate(x: number, y: number): VectorDocument;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): VectorDocument;
  moveTo(x: number, y: number): VectorDocument;
  lineTo(x: number, y: number): VectorDocument;
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number): VectorDocument;
  closePath(): VectorDocument;
  clip(): VectorDocument;
  fill(): VectorDocument;
  stroke(): VectorDocument;
  fillAndStroke(): VectorDocument;
  strokeColor(colour: string): VectorDocument;
  lineWidth(width: number): VectorDocument;
  miterLimit(limit: number): VectorDocument;
  lineJoin(join: string): VectorDocument;
  lineCap(cap: string): VectorDocument;
  undash(): VectorDocument;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
  provideFont(family: string, bold: boolean, italics: boolean): PdfFont;
}

interface SvgBox {
  x: number;
  y: number;
  _width: number;
  _height: number;
  font?: string;
  _diagram?: DiagramDrawing;
}

/** pdfmake's `findFont`: the first family of the list the document has (any case), else the default. */
function findFont(doc: VectorDocument, families: readonly string[], fallback: string): string {
  for (const wanted of families) {
    const found = Object.keys(doc.fonts).find((name) => name.toLowerCase() === wanted.toLowerCase());
    if (found) return found;
  }
  return fallback;
}

/** A quarter of an ellipse's arc as svg-to-pdfkit draws it: two Bézier segments (its precision 3). */
function arc(doc: VectorDocument, cx: number, cy: number, r: number, from: number, to: number): void {
  const segments = Math.ceil(Math.abs(to - from) / (Math.PI / 3));
  for (let i = 0; i < segments; i++) {
    const a = from + (i * (to - from)) / segments;
    const b = from + ((i + 1) * (to - from)) / segments;
    const t = (4 / 3) * Math.tan((b - a) / 4);
    doc.bezierCurveTo(
      cx + r * (Math.cos(a) - t * Math.sin(a)),
      cy + r * (Math.sin(a) + t * Math.cos(a)),
      cx + r * (Math.cos(b) + t * Math.sin(b)),
      cy + r * (Math.sin(b) - t * Math.cos(b)),
      cx + r * Math.cos(b),
      cy + r * Math.sin(b),
    );
  }
}

/** `<rect>`'s outline: four lines, or lines and quarter arcs with a corner radius (at most half a side). */
function rectPath(doc: VectorDocument, rect: ShapeOf<'rect'>): void {
  const [x, y, w, h] = [rect.x, rect.y, rect.width, rect.height].map(rounded) as [number, number, number, number];
  const r = Math.min(rounded(rect.rx ?? 0), w / 2, h / 2);
  if (r <= 0) {
    doc
      .moveTo(x, y)
      .lineTo(x + w, y)
      .lineTo(x + w, y + h)
      .lineTo(x, y + h)
      .closePath();
    return;
  }
  const q = Math.PI / 2;
  doc.moveTo(x + r, y).lineTo(x + w - r, y);
  arc(doc, x + w - r, y + r, r, -q, 0);
  doc.lineTo(x + w, y + h - r);
  arc(doc, x + w - r, y + h - r, r, 0, q);
  doc.lineTo(x + r, y + h);
  arc(doc, x + r, y + h - r, r, q, 2 * q);
  doc.lineTo(x, y + r);
  arc(doc, x + r, y + r, r, 2 * q, 3 * q);
  doc.closePath();
}

/** The stroke state svg-to-pdfkit sets before every stroked shape (SVG's defaults). */
function strokeStyle(doc: VectorDocument, colour: string, width: number): void {
  doc.strokeColor(colour).lineWidth(rounded(width)).miterLimit(4).lineJoin('miter').lineCap('butt').undash();
}

const ARROW = { length: 8, halfWidth: 4.5 } as const;

function polyline(doc: VectorDocument, points: readonly Point[]): void {
  points.forEach((p, i) => {
    if (i === 0) doc.moveTo(p.x, p.y);
    else doc.lineTo(p.x, p.y);
  });
}

/** An orthogonal route and its arrowhead, as svg.ts's `edgeSvg` writes them (a path and a polygon). */
function drawEdge(doc: VectorDocument, route: readonly Point[], colour: string, strokeWidth: number): void {
  const end = route[route.length - 1];
  const before = route[route.length - 2];
  if (!end || !before) return;
  const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  const base = { x: end.x - ux * ARROW.length, y: end.y - uy * ARROW.length };
  const points = [...route.slice(0, -1), base].map((p) => ({ x: rounded(p.x), y: rounded(p.y) }));
  doc.save();
  strokeStyle(doc, colour, strokeWidth);
  polyline(doc, points);
  doc.stroke().restore();
  const head = [
    end,
    { x: base.x - uy * ARROW.halfWidth, y: base.y + ux * ARROW.halfWidth },
    { x: base.x + uy * ARROW.halfWidth, y: base.y - ux * ARROW.halfWidth },
  ].map((p) => ({ x: rounded(p.x), y: rounded(p.y) }));
  doc.save().fillColor(colour);
  polyline(doc, head);
  doc.closePath().fill().restore();
}

interface Context {
  readonly doc: VectorDocument;
  readonly measure: TextMeasure;
  readonly fontFor: (family: string | undefined, bold: boolean) => PdfFont;
}

function drawShape(ctx: Context, shape: Shape): void {
  const { doc } = ctx;
  switch (shape.kind) {
    case 'group': {
      doc.save();
      const r = shape.rotate;
      if (r) {
        // SVG's rotate(angle cx cy): translate(cx, cy) rotate(angle) translate(-cx, -cy).
        const [a, cx, cy] = [rounded(r.angle), rounded(r.cx), rounded(r.cy)];
        const cos = Math.cos((a * Math.PI) / 180);
        const sin = Math.sin((a * Math.PI) / 180);
        doc.transform(cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy);
      }
      for (const child of shape.children) drawShape(ctx, child);
      doc.restore();
      return;
    }
    case 'rect': {
      const fill = shape.fill !== 'none' ? shape.fill : undefined;
      const stroke = shape.stroke !== undefined && shape.stroke !== 'none' ? shape.stroke : undefined;
      if (!fill && !stroke) return;
      doc.save();
      if (fill) doc.fillColor(fill);
      if (stroke) strokeStyle(doc, stroke, shape.strokeWidth ?? 1);
      rectPath(doc, shape);
      if (fill && stroke) doc.fillAndStroke();
      else if (fill) doc.fill();
      else doc.stroke();
      doc.restore();
      return;
    }
    case 'line':
      // svg-to-pdfkit fills a line too, with SVG's default black: rasterisers paint its ends.
      doc.save().fillColor('#000000');
      strokeStyle(doc, shape.stroke, shape.strokeWidth);
      doc.moveTo(rounded(shape.from.x), rounded(shape.from.y)).lineTo(rounded(shape.to.x), rounded(shape.to.y));
      doc.fillAndStroke().restore();
      return;
    case 'text':
      doc.save();
      drawTextBlock(doc, ctx.measure, shape.block, ctx.fontFor);
      doc.restore();
      return;
    case 'edge':
      drawEdge(doc, shape.route, shape.colour, shape.strokeWidth);
      return;
  }
}

/** The figure: translated to its box, clipped to it, the drawing scaled to fit (viewBox, xMidYMid meet). */
export function drawDiagram(doc: VectorDocument, box: SvgBox, drawing: DiagramDrawing): void {
  const { diagram, measure } = drawing;
  const fontFor = (family: string | undefined, bold: boolean) => {
    const families = family === undefined ? ['Roboto', 'sans-serif'] : [family];
    return doc.provideFont(findFont(doc, families, box.font ?? 'Roboto'), bold, false);
  };
  const savedFill = doc._fillColor;
  doc.save().translate(box.x, box.y);
  doc.save();
  doc.moveTo(0, 0).lineTo(box._width, 0).lineTo(box._width, box._height).lineTo(0, box._height).closePath().clip();
  const scale = Math.min(box._width / diagram.width, box._height / diagram.height);
  doc.transform(
    scale,
    0,
    0,
    scale,
    (box._width - diagram.width * scale) / 2,
    (box._height - diagram.height * scale) / 2,
  );
  for (const shape of diagram.shapes) drawShape({ doc, measure, fontFor }, shape);
  doc.restore().restore();
  doc._fillColor = savedFill;
}

type RenderSvg = (this: { pdfDocument: VectorDocument }, box: SvgBox) => unknown;

let installed = false;

/** Replaces pdfmake's `Renderer#renderSVG` for diagram nodes, once per process (before the tagging wraps it). */
export function installDiagramDrawing(): void {
  if (installed) return;
  const outer = (rendererModule as { default?: unknown }).default as
    | { default?: { prototype: Record<string, unknown> }; prototype?: Record<string, unknown> }
    | undefined;
  const proto = (typeof outer === 'function' ? outer : outer?.default)?.prototype as
    | { renderSVG?: RenderSvg }
    | undefined;
  const original = proto?.renderSVG;
  if (!proto || typeof original !== 'function') {
    throw new Error('report: pdfmake Renderer#renderSVG is gone; pdf-diagrams.ts was written for 0.3.11');
  }
  proto.renderSVG = function (this: { pdfDocument: VectorDocument }, box: SvgBox) {
    if (!box._diagram) return original.call(this, box);
    drawDiagram(this.pdfDocument, box, box._diagram);
    return undefined;
  };
  installed = true;
}
