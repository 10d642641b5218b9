import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FRAME, SLIDE, TEXT } from '../../plan/geometry.js';
import type { NumberedPage, SlidePlan } from '../../plan/index.js';
import type { RenderContext } from '../render.js';
import { slideBody } from './bodies.js';
import { createDraw, type Draw, slideImages } from './draw.js';
import { INK, lineHeight, type Scale } from './look.js';

/** The slides PDF draws the plan's 1280×720 px slide on a 960×540 pt page (PowerPoint's 16:9). */
export const SLIDES_SCALE = 0.75;

const BAND_TEXT = 15;

/** What the band across the top of a slide says: classification, the deck's title line, the page number. */
function bandCells(plan: SlidePlan, page: NumberedPage, s: Scale) {
  const meta = plan.comparison.meta;
  // The deck cuts the title line with an ellipsis where it would run into the page number; so does the PDF.
  const room = Math.floor((SLIDE.width - 2 * FRAME.padX - 360) / (BAND_TEXT * 0.52));
  const line = `${plan.text.plain(meta.title)} · ${meta.versionLabel} · ${meta.date}`;
  const cut = line.length > room ? `${line.slice(0, room - 1).trimEnd()}…` : line;
  const text = { color: '#ffffff', fontSize: BAND_TEXT * s.u, lineHeight: 1 };
  return [
    { ...text, text: (meta.classification ?? '').toUpperCase(), bold: true, characterSpacing: 0.08 * BAND_TEXT * s.u },
    { ...text, text: cut },
    { ...text, text: `${page.number} / ${plan.pages.length}`, alignment: 'right' as const },
  ];
}

/** The band as a one-row table in the band colour, `width` points wide, `padX` points in from its edges. */
export function band(plan: SlidePlan, page: NumberedPage, s: Scale, padX: number): Content {
  const pad = (FRAME.band - BAND_TEXT) / 2;
  return {
    table: { widths: ['auto', '*', 'auto'], body: [bandCells(plan, page, s)] },
    layout: {
      fillColor: () => INK.band,
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i) => (i === 0 ? padX : 12 * s.u),
      paddingRight: (i) => (i === 2 ? padX : 12 * s.u),
      paddingTop: () => pad * s.u,
      paddingBottom: () => pad * s.u,
    },
  };
}

/** The outline entry and link destination of a slide's heading: one bookmark per slide. */
export function headingProps(page: NumberedPage, plain: string) {
  return {
    style: 'h1',
    outline: true,
    outlineText: `${page.number}. ${plain}${page.continued ? ' (continued)' : ''}`,
    ...(page.id === undefined ? {} : { id: page.id }),
  };
}

/**
 * A slide's title (with "(continued)"), caption and body, as the deck's slide frame lays them out. The body may
 * be drawn a little smaller (`body`) where pdfmake sets it taller than the browser (see `fittedSlides`).
 */
export function slideContent(d: Draw, page: NumberedPage, body: Draw = d): Content[] {
  const heading = headingProps(page, d.plan.text.plain(page.title.markdown));
  if (page.cover) {
    // The cover's own big title carries the bookmark.
    const [first, ...rest] = slideBody(body, page);
    const index = [first, ...rest].findIndex(
      (n) => (n as { fontSize?: number }).fontSize !== undefined && 'text' in (n as object),
    );
    return [first, ...rest].map((n, i) =>
      i === index ? ({ ...(n as object), ...heading, style: undefined } as Content) : (n as Content),
    );
  }
  const title: Content = {
    text: [
      ...d.runs(page.title),
      ...(page.continued ? [{ text: ' (continued)', color: INK.muted, fontSize: TEXT.title.size * 0.7 * d.u }] : []),
    ],
    ...heading,
    fontSize: TEXT.title.size * d.u,
    lineHeight: lineHeight(d, TEXT.title.lineHeight),
    color: INK.accent,
  };
  const rule: Content = {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: d.width, y2: 0, lineWidth: 3 * d.u, lineColor: INK.accent }],
    margin: [0, 6 * d.u, 0, TEXT.titleGap * d.u],
  };
  const caption: Content[] =
    page.caption === undefined
      ? []
      : [{ text: page.caption, fontSize: TEXT.small.size * d.u, color: INK.muted, margin: [0, 0, 0, 8 * d.u] }];
  return [title, rule, ...caption, ...slideBody(body, page)];
}

/** Title, authors and subject as plain text, with fixed dates so two builds are byte-identical. */
export function documentInfo(plan: SlidePlan, epoch: number, subject: string) {
  const meta = plan.comparison.meta;
  const date = new Date(epoch * 1000);
  return {
    title: plan.text.plain(meta.title),
    author: meta.authors.map((a) => plan.text.plain(a.name)).join(', '),
    subject,
    keywords: ['security review', ...plan.comparison.systems.map((s) => plan.text.plain(s.name))].join(', '),
    creator: 'riskdeck',
    producer: 'riskdeck (pdfmake)',
    creationDate: date,
    modDate: date,
  };
}

/** How much smaller a slide's body is drawn, by page number (1 when not listed). */
export type Fits = ReadonlyMap<number, number>;

/** The drawing tools for each page: the page's scale, or the smaller one its fit asks for. */
export function drawsFor(context: RenderContext, plan: SlidePlan, u: number, fits: Fits) {
  const base = createDraw(context, plan, u);
  const scaled = new Map<number, Draw>();
  const body = (page: NumberedPage): Draw => {
    const fit = fits.get(page.number);
    if (fit === undefined) return base;
    const known = scaled.get(fit);
    if (known) return known;
    const d = createDraw(context, plan, u * fit);
    scaled.set(fit, d);
    return d;
  };
  return { base, body };
}

/**
 * `slides.pdf`: one 16:9 page per slide of the plan, with the deck's band, title, body and page number; only
 * `pages` when given (to try one slide on its own).
 */
export function slidesDocument(
  context: RenderContext,
  plan: SlidePlan,
  fits: Fits = new Map(),
  pages: readonly NumberedPage[] = plan.pages,
): TDocumentDefinitions {
  const { base: d, body: bodyDraw } = drawsFor(context, plan, SLIDES_SCALE, fits);
  const s: Scale = d;
  return {
    pageSize: { width: SLIDE.width * s.u, height: SLIDE.height * s.u },
    pageMargins: [FRAME.padX * s.u, (FRAME.band + FRAME.padTop) * s.u, FRAME.padX * s.u, FRAME.padBottom * s.u],
    version: '1.7',
    language: plan.comparison.meta.language,
    displayTitle: true,
    info: documentInfo(plan, context.epoch, 'Slides'),
    images: Object.fromEntries(slideImages(context).map((image) => [image.output, image.output])),
    defaultStyle: {
      font: context.fonts.family,
      fontSize: TEXT.body.size * s.u,
      lineHeight: lineHeight(s, 1.3),
      color: INK.text,
    },
    styles: { h1: { bold: true } },
    header: (current) => {
      const page = pages[current - 1];
      return page === undefined ? null : band(plan, page, s, FRAME.padX * s.u);
    },
    // Each slide after a break of its own: pdfmake checks a node for spilling only when it does not break itself.
    content: pages.flatMap((page, i) => [
      ...(i > 0 ? [{ canvas: [], pageBreak: 'before' as const }] : []),
      { id: slideId(page), stack: slideContent(d, page, bodyDraw(page)) },
    ]),
  };
}

/** The id of the node that holds a whole slide: `overflowCheck` finds the slides by it. */
export const slideId = (page: NumberedPage) => `slide-${page.number}`;

/**
 * A `pageBreakBefore` hook that breaks nothing and notes each slide (or slide with its notes, in the handout)
 * that pdfmake had to continue on a further page, so the build can say so rather than let it pass.
 */
export function overflowCheck(spilled: Set<string>): NonNullable<TDocumentDefinitions['pageBreakBefore']> {
  return (node) => {
    const id = (node as { id?: string }).id;
    if (id?.startsWith('slide-') && node.pageNumbers.length > 1) spilled.add(id);
    return false;
  };
}
