import type { TextMeasure } from '../../diagram/measure.js';
import type { DiagramSvg, Point, Shape, ShapeOf, TextBlock } from '../../diagram/svg.js';
import { type Connector, connectorName } from './connectors.js';
import type { Slide, TextProps } from './library.js';
import type { Fonts } from './text.js';
import { hex, inch, pt, xmlSafe } from './units.js';

/** Where a diagram goes on a slide: its top-left corner and its scale, in deck px. */
export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export interface DiagramTarget {
  readonly slide: Slide;
  readonly fonts: Fonts;
  readonly measure: TextMeasure;
  /** Connectors are written by the packer, which knows the ids of the boxes they join. */
  readonly connectors: Connector[];
}

type Rect = ShapeOf<'rect'> & { readonly name: string | undefined };

interface Flat {
  readonly rects: Rect[];
  readonly lines: ShapeOf<'line'>[];
  readonly texts: { block: TextBlock; rotate: ShapeOf<'group'>['rotate'] }[];
  readonly edges: ShapeOf<'edge'>[];
}

/** The shapes with their groups opened: a group's id names its first box, its rotation goes to its text. */
function flatten(shapes: readonly Shape[], into: Flat, name?: string, rotate?: ShapeOf<'group'>['rotate']): Flat {
  let named = name;
  for (const shape of shapes) {
    if (shape.kind === 'group') {
      const id = typeof shape.attrs.id === 'string' ? shape.attrs.id : undefined;
      flatten(shape.children, into, id, shape.rotate ?? rotate);
    } else if (shape.kind === 'rect') {
      into.rects.push({ ...shape, name: named });
      named = undefined;
    } else if (shape.kind === 'line') into.lines.push(shape);
    else if (shape.kind === 'edge') into.edges.push(shape);
    else into.texts.push({ block: shape.block, rotate });
  }
  return into;
}

const inside = (block: TextBlock, rect: Rect, measure: TextMeasure) => {
  const box = textBox(block, measure);
  const e = 0.5;
  return (
    box.left >= rect.x - e &&
    box.left + box.width <= rect.x + rect.width + e &&
    box.top >= rect.y - e &&
    box.top + box.height <= rect.y + rect.height + e
  );
};

/** Where a text block's lines sit, from its anchor and its widest line. */
function textBox(block: TextBlock, measure: TextMeasure) {
  const width = Math.max(0, ...block.lines.map((l) => measure.width(l, block.fontSize, block.bold)));
  const left = block.anchor === 'middle' ? block.x - width / 2 : block.anchor === 'end' ? block.x - width : block.x;
  return { left, top: block.top, width, height: block.lines.length * block.lineHeight };
}

const ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;

/** A text block's lines as paragraphs, sized at the drawing's scale. */
function blockProps(block: TextBlock, scale: number, fonts: Fonts, spaceBefore = 0): TextProps[] {
  return block.lines.map((line, i) => ({
    text: xmlSafe(line),
    options: {
      fontFace: fonts.family,
      fontSize: pt(block.fontSize * scale),
      color: hex(block.fill),
      bold: block.bold === true,
      align: ALIGN[block.anchor ?? 'start'],
      lineSpacing: pt(block.lineHeight * scale),
      ...(i === 0 && spaceBefore > 0 ? { paraSpaceBefore: pt(spaceBefore * scale) } : {}),
      breakLine: true,
    },
  }));
}

/**
 * A diagram drawn with native shapes: each box a rectangle (rounded where the SVG rounds it) holding the text
 * drawn inside it, so that moving a box moves its words; each edge a connector glued to the boxes it joins;
 * other labels text boxes. All from the same shapes the SVG is written from, at the slide's scale.
 */
export function drawDiagram(target: DiagramTarget, diagram: DiagramSvg, at: Placement): void {
  const flat = flatten(diagram.shapes, { rects: [], lines: [], texts: [], edges: [] });
  // Each text goes into the smallest box that holds it (a step's number into its badge, not the step).
  const owner = new Map<TextBlock, Rect>();
  for (const t of flat.texts) {
    if (t.rotate !== undefined) continue;
    const holders = flat.rects.filter((r) => inside(t.block, r, target.measure));
    const smallest = holders.sort((a, b) => a.width * a.height - b.width * b.height)[0];
    if (smallest) owner.set(t.block, smallest);
  }
  flat.rects.forEach((rect, index) => {
    const blocks = flat.texts
      .filter((t) => owner.get(t.block) === rect)
      .map((t) => t.block)
      .sort((a, b) => a.top - b.top);
    drawBox(target, rect, blocks, at, rect.name ?? `Shape ${index + 1}`);
  });
  for (const line of flat.lines) {
    target.slide.addShape('line', {
      x: inch(at.x + Math.min(line.from.x, line.to.x) * at.scale),
      y: inch(at.y + Math.min(line.from.y, line.to.y) * at.scale),
      w: inch(Math.abs(line.to.x - line.from.x) * at.scale),
      h: inch(Math.abs(line.to.y - line.from.y) * at.scale),
      line: { color: hex(line.stroke), width: pt(line.strokeWidth * at.scale) },
    });
  }
  for (const t of flat.texts) if (!owner.has(t.block)) drawLabel(target, t.block, t.rotate, at);
  for (const edge of flat.edges) drawEdge(target, edge, flat.rects, at);
}

/** A box with the text drawn inside it, set where the SVG sets it (insets from the box's edges). */
function drawBox(target: DiagramTarget, rect: Rect, blocks: readonly TextBlock[], at: Placement, name: string): void {
  const s = at.scale;
  // A badge's one centred label sits in the middle of it, as the SVG centres its capitals on the badge.
  const centred = blocks.length === 1 && blocks[0]?.anchor === 'middle' && blocks[0].lines.length === 1;
  const props: TextProps[] = [];
  let bottom = blocks[0]?.top ?? rect.y;
  for (const block of blocks) {
    const own = centred ? { ...block, lineHeight: block.fontSize * 1.2 } : block;
    props.push(...blockProps(own, s, target.fonts, block.top - bottom));
    bottom = block.top + block.lines.length * block.lineHeight;
  }
  const last = props[props.length - 1];
  if (last) last.options = { ...last.options, breakLine: false };
  const lefts = blocks.filter((b) => (b.anchor ?? 'start') === 'start').map((b) => b.x - rect.x);
  const rights = blocks.filter((b) => b.anchor === 'end').map((b) => rect.x + rect.width - b.x);
  const rx = rect.rx ?? 0;
  target.slide.addText(props.length > 0 ? props : '', {
    shape: rx > 0 ? (rx * 2 >= Math.min(rect.width, rect.height) ? 'ellipse' : 'roundRect') : 'rect',
    ...(rx > 0 ? { rectRadius: inch(rx * s) } : {}),
    x: inch(at.x + rect.x * s),
    y: inch(at.y + rect.y * s),
    w: inch(rect.width * s),
    h: inch(rect.height * s),
    fill: { color: hex(rect.fill) },
    line: rect.stroke ? { color: hex(rect.stroke), width: pt((rect.strokeWidth ?? 1) * s) } : { type: 'none' },
    // pptxgenjs 4.0.1 reads a text box's margins as [left, right, bottom, top], in points.
    margin: [
      pt((lefts.length > 0 ? Math.min(...lefts) : 0) * s),
      pt((rights.length > 0 ? Math.min(...rights) : 0) * s),
      0,
      centred ? 0 : pt(((blocks[0]?.top ?? rect.y) - rect.y) * s),
    ],
    valign: centred ? 'middle' : 'top',
    wrap: true,
    objectName: name,
  });
}

/** A label outside any box, in a text box as wide as its widest line (a little more, so it never wraps). */
function drawLabel(target: DiagramTarget, block: TextBlock, rotate: ShapeOf<'group'>['rotate'], at: Placement): void {
  const s = at.scale;
  const box = textBox(block, target.measure);
  const slack = 4 + box.width * 0.04;
  const width = box.width + slack;
  const left = block.anchor === 'middle' ? box.left - slack / 2 : block.anchor === 'end' ? box.left - slack : box.left;
  const props = blockProps(block, s, target.fonts);
  const last = props[props.length - 1];
  if (last) last.options = { ...last.options, breakLine: false };
  // Turned about its centre: the unturned box is centred where the turned one is.
  const x = rotate ? rotate.cx - width / 2 : left;
  const y = rotate ? rotate.cy - box.height / 2 : box.top;
  target.slide.addText(props, {
    x: inch(at.x + x * s),
    y: inch(at.y + y * s),
    w: inch(width * s),
    h: inch(box.height * s),
    ...(rotate ? { rotate: (360 + rotate.angle) % 360 } : {}),
    margin: 0,
    valign: 'top',
    wrap: false,
  });
}

const near = (a: Point, b: Point) => Math.abs(a.x - b.x) < 0.6 && Math.abs(a.y - b.y) < 0.6;

/**
 * An edge as a connector: glued to the bottom of the box it leaves and the top of the box it enters where it
 * starts or ends on one, so that PowerPoint re-routes it when a reviewer moves a box.
 */
function drawEdge(target: DiagramTarget, edge: ShapeOf<'edge'>, rects: readonly Rect[], at: Placement): void {
  const start = edge.route[0];
  const end = edge.route[edge.route.length - 1];
  if (!start || !end) return;
  const from = rects.find((r) => r.name && near(start, { x: r.x + r.width / 2, y: r.y + r.height }));
  const to = rects.find((r) => r.name && near(end, { x: r.x + r.width / 2, y: r.y }));
  const bend = edge.route.length === 4 ? (edge.route[1]?.y ?? start.y) : undefined;
  const place = (p: Point) => ({ x: at.x + p.x * at.scale, y: at.y + p.y * at.scale });
  const index = target.connectors.length;
  const connector: Connector = {
    name: connectorName(index),
    start: place(start),
    end: place(end),
    bend: bend === undefined ? undefined : place({ x: start.x, y: bend }).y,
    colour: hex(edge.colour),
    width: pt(edge.strokeWidth * at.scale),
    from: from?.name,
    to: to?.name,
  };
  target.connectors.push(connector);
  // A stand-in the packer replaces with the connector, where the slide's shape ids are known.
  target.slide.addShape('line', {
    x: inch(Math.min(connector.start.x, connector.end.x)),
    y: inch(Math.min(connector.start.y, connector.end.y)),
    w: inch(Math.abs(connector.end.x - connector.start.x)),
    h: inch(Math.abs(connector.end.y - connector.start.y)),
    line: { color: connector.colour, width: connector.width },
    objectName: connector.name,
  });
}
