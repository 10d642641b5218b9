import type { PlanDrawing, PlanDrawingSource } from '../diagrams.js';

/** Below this scale a diagram's labels are too small to read on a slide. */
export const MIN_READABLE_SCALE = 0.6;

/**
 * A diagram placed on a slide: the drawing, the size it is shown at (px of the 1280×720 slide) and what it
 * was drawn from. A renderer that draws SVG uses `svg` (sized to `width` × `height`, the drawing's own size
 * kept in its viewBox) or `drawing.svg`; one that draws native shapes draws `drawing.shapes` (px of the
 * drawing's own box) scaled by `width / drawing.width`; `source` says what the diagram shows.
 */
export class PlanDiagram {
  constructor(
    /** The SVG, its root sized to `width` × `height`. */
    readonly svg: string,
    readonly width: number,
    readonly height: number,
    readonly title: string,
    /** Whether the fitted diagram is drawn large enough to read. */
    readonly readable: boolean,
    /** The diagram as drawn, at its own size (`drawing.width` × `drawing.height`), with its description. */
    readonly drawing: PlanDrawing,
  ) {}

  /** What the diagram shows and the options it was laid out with: enough to lay it out again. */
  get source(): PlanDrawingSource {
    return this.drawing.source;
  }
}

/** The scale at which a diagram just fits `maxWidth` × `maxHeight`. */
export const fitScale = (diagram: PlanDrawing, maxWidth: number, maxHeight: number) =>
  Math.min(maxWidth / diagram.width, maxHeight / diagram.height);

/**
 * A diagram scaled to fit `maxWidth` × `maxHeight` (never enlarged past 1.5×). The size is set on the root
 * `<svg>` as attributes: the deck's CSP allows no inline style, and the viewBox keeps the drawing's proportions.
 */
export function diagramView(diagram: PlanDrawing, maxWidth: number, maxHeight: number, atMost = 1.5): PlanDiagram {
  const scale = Math.min(fitScale(diagram, maxWidth, maxHeight), atMost);
  const width = Math.floor(diagram.width * scale);
  const height = Math.floor(diagram.height * scale);
  const svg = diagram.svg.replace(/<svg\b[^>]*>/, (tag) => {
    const withoutSize = tag.replace(/\s(?:width|height)="[^"]*"/g, '');
    const viewBox = /\sviewBox=/.test(withoutSize) ? '' : ` viewBox="0 0 ${diagram.width} ${diagram.height}"`;
    return withoutSize.replace(/^<svg/, `<svg width="${width}" height="${height}"${viewBox}`);
  });
  return new PlanDiagram(svg, width, height, diagram.title, scale >= MIN_READABLE_SCALE, diagram);
}
