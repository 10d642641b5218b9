import Handlebars from 'handlebars';
import type { DeckDiagram } from '../diagrams.js';

/** Below this scale a diagram's labels are too small to read on a slide. */
const MIN_READABLE_SCALE = 0.6;

export interface DiagramView {
  readonly svg: Handlebars.SafeString;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  /** Whether the fitted diagram is drawn large enough to read. */
  readonly readable: boolean;
}

/** The scale at which a diagram just fits `maxWidth` × `maxHeight`. */
export const fitScale = (diagram: DeckDiagram, maxWidth: number, maxHeight: number) =>
  Math.min(maxWidth / diagram.width, maxHeight / diagram.height);

/**
 * A diagram scaled to fit `maxWidth` × `maxHeight` (never enlarged past 1.5×). The size is set on the root
 * `<svg>` as attributes: the CSP allows no inline style, and the viewBox keeps the drawing's proportions.
 */
export function diagramView(diagram: DeckDiagram, maxWidth: number, maxHeight: number, atMost = 1.5): DiagramView {
  const scale = Math.min(fitScale(diagram, maxWidth, maxHeight), atMost);
  const width = Math.floor(diagram.width * scale);
  const height = Math.floor(diagram.height * scale);
  const svg = diagram.svg.replace(/<svg\b[^>]*>/, (tag) => {
    const withoutSize = tag.replace(/\s(?:width|height)="[^"]*"/g, '');
    const viewBox = /\sviewBox=/.test(withoutSize) ? '' : ` viewBox="0 0 ${diagram.width} ${diagram.height}"`;
    return withoutSize.replace(/^<svg/, `<svg width="${width}" height="${height}"${viewBox}`);
  });
  return {
    svg: new Handlebars.SafeString(svg),
    width,
    height,
    title: diagram.title,
    readable: scale >= MIN_READABLE_SCALE,
  };
}
