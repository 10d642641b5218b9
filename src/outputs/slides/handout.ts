import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FRAME, SLIDE } from '../../plan/geometry.js';
import type { NumberedPage, PlanNote, SlidePlan } from '../../plan/index.js';
import type { RenderContext } from '../render.js';
import { band, documentInfo, drawsFor, type Fits, slideContent } from './document.js';
import { type Draw, slideImages } from './draw.js';
import { INK, lineHeight } from './look.js';

const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 40;
const NOTES_TEXT = { size: 10.5, lineHeight: 1.35 } as const;
/** Each slide as wide as the page's text: two slides with short notes share a page. */
export const HANDOUT_SCALE = (A4.width - 2 * MARGIN) / SLIDE.width;

/** The slide in a thin frame at the handout's scale: band, then the slide's content, as tall as the slide. */
function slideBox(d: Draw, page: NumberedPage, body: Draw): Content {
  return {
    table: {
      widths: [SLIDE.width * d.u - 2 * FRAME.padX * d.u],
      heights: [FRAME.band * d.u, (SLIDE.height - FRAME.band) * d.u],
      body: [
        [
          {
            ...(band(d.plan, page, d, FRAME.padX * d.u) as object),
            margin: [-FRAME.padX * d.u, 0, -FRAME.padX * d.u, 0],
          } as Content,
        ],
        [{ stack: slideContent(d, page, body) }],
      ],
    },
    layout: {
      hLineWidth: (i) => (i === 0 || i === 2 ? 0.5 : 0),
      vLineWidth: () => 0.5,
      hLineColor: () => INK.rule,
      vLineColor: () => INK.rule,
      paddingLeft: () => FRAME.padX * d.u,
      paddingRight: () => FRAME.padX * d.u,
      paddingTop: (i) => (i === 0 ? 0 : FRAME.padTop * d.u),
      paddingBottom: () => 0,
    },
  };
}

function notesContent(d: Draw, notes: readonly PlanNote[] | undefined): Content[] {
  if (notes === undefined) return [{ text: 'No speaker notes.', italics: true, color: INK.muted }];
  return notes.flatMap((note) => [
    ...(note.label === undefined
      ? []
      : [{ text: d.runs(note.label, { bold: true }), margin: [0, 2, 0, 1] } as Content]),
    // The notes are set at their own size, not the slide's scale.
    d.block(note.body, { size: NOTES_TEXT.size / d.u, lineHeight: NOTES_TEXT.lineHeight }),
  ]);
}

/** `handout.pdf`: A4 portrait, each slide framed with its speaker notes under it, two to a page where they fit. */
export function handoutDocument(context: RenderContext, plan: SlidePlan, fits: Fits): TDocumentDefinitions {
  const { base: d, body } = drawsFor(context, plan, HANDOUT_SCALE, fits);
  return {
    pageSize: { width: A4.width, height: A4.height },
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    version: '1.7',
    language: plan.comparison.meta.language,
    displayTitle: true,
    info: documentInfo(plan, context.epoch, 'Handout: slides and speaker notes'),
    images: Object.fromEntries(slideImages(context).map((image) => [image.output, image.output])),
    defaultStyle: {
      font: context.fonts.family,
      fontSize: NOTES_TEXT.size,
      lineHeight: lineHeight(d, 1.3),
      color: INK.text,
    },
    styles: { h1: { bold: true } },
    footer: (current, count) => ({
      text: `Page ${current} of ${count}`,
      alignment: 'right',
      fontSize: 8,
      color: INK.muted,
      margin: [MARGIN, 14, MARGIN, 0],
    }),
    content: plan.pages.map((page) => ({
      stack: [
        slideBox(d, page, body(page)),
        {
          stack: notesContent(d, page.notes),
          fontSize: NOTES_TEXT.size,
          lineHeight: lineHeight(d, NOTES_TEXT.lineHeight),
          margin: [0, 8, 0, 22],
        },
      ],
      unbreakable: true,
    })),
  };
}
