import type { Content } from 'pdfmake/interfaces.js';
import { fontkit } from '../../fonts/fontkit.js';
import type { FontSet } from '../../fonts/load.js';
import { CONTENT_WIDTH, type TextStyle } from '../../plan/geometry.js';
import { createDeckMarkdown, MarkdownText, type PlanDiagram, type SlidePlan } from '../../plan/index.js';
import type { RenderContext } from '../render.js';
import { BlockConverter, embeddable, inlineTokens } from '../report/blocks.js';
import { figure } from '../report/diagrams.js';
import { inlineRuns, type Run, type RunStyle } from '../report/inline.js';
import { reportStyle } from '../report/style.js';
import { lineHeight, type Scale, slideStyle } from './look.js';

/** Slide text in a table cell or a list: no outline entries, no template slots. */
const FIELD = { template: false, outline: false } as const;

/** What the slide bodies draw with: the plan, the scale, and the plan's Markdown as pdfmake nodes. */
export interface Draw extends Scale {
  readonly plan: SlidePlan;
  /** Width of a slide's content, in points. */
  readonly width: number;
  /** Markdown blocks at this text size. */
  block(text: MarkdownText | undefined, style: TextStyle): Content;
  /** Inline Markdown (or plain text) as runs. */
  runs(text: MarkdownText | string | undefined, base?: RunStyle): Run[];
  /** A diagram at its size on the slide, `maxWidth` points at most. */
  figure(diagram: PlanDiagram, maxWidth?: number): Content;
}

const NO_SLOTS = {
  slots: [],
  slot: () => {
    throw new Error('slides: content text has no template slots');
  },
  value: (text: string) => text,
};

/** The images a slide can embed (PNG and JPEG, as in the report), by the name the PDF files them under. */
export function slideImages(context: RenderContext) {
  return [...context.images.values()].filter(embeddable);
}

/** The main font's own line height in em, as pdfkit spaces lines. */
function naturalLineHeight(fonts: FontSet): number {
  const font = fontkit.create(fonts.normal);
  // fontkit's typings leave out lineGap; pdfkit adds it to every line.
  const gap = (font as unknown as { lineGap?: number }).lineGap ?? 0;
  return (font.ascent - font.descent + gap) / font.unitsPerEm;
}

/** The drawing tools for slides `u` points per px of the plan's slide. */
export function createDraw(context: RenderContext, plan: SlidePlan, u: number): Draw {
  const fonts = context.fonts;
  const s: Scale = { u, natural: naturalLineHeight(fonts) };
  // The plan's renderer: a table too wide for a slide is split as the plan measured it.
  const md = createDeckMarkdown(context);
  const style = slideStyle(reportStyle(context.templates), s, { size: 23, lineHeight: 1.4 });
  const width = CONTENT_WIDTH * s.u;
  const converter = new BlockConverter({
    md,
    style,
    slots: NO_SLOTS,
    width,
    height: 600 * s.u,
    images: context.images,
    templateImages: new Map(),
  });
  return {
    ...s,
    plan,
    width,
    block: (text, textStyle) => ({
      stack: text === undefined ? [] : converter.blocks(md.tokens(text.markdown), FIELD),
      fontSize: textStyle.size * s.u,
      lineHeight: lineHeight(s, textStyle.lineHeight),
    }),
    runs: (text, base = {}) => {
      if (text === undefined) return [];
      const markdown = text instanceof MarkdownText ? text.markdown : undefined;
      if (markdown === undefined) return [{ ...base, text: String(text) }];
      return inlineRuns(inlineTokens(md.tokens(markdown)), style, base);
    },
    figure: (diagram, maxWidth = width) => {
      const w = Math.min(maxWidth, diagram.width * s.u);
      const h = (diagram.height * w) / diagram.width;
      // The report's figure (fonts loaded first, trouble in the SVG an error), at the size the plan shows it.
      const node = figure(diagram.drawing, w, h, fonts) as { stack: [Content, object] };
      const [fontsFirst, svg] = node.stack;
      return { stack: [fontsFirst, { ...svg, width: w, height: h }] } as Content;
    },
  };
}
