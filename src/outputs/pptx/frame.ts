import type { TextMeasure } from '../../diagram/measure.js';
import { wrapText } from '../../diagram/wrap.js';
import { CAPTION_GAP, CONTENT_WIDTH, FRAME, SLIDE, TEXT } from '../../plan/geometry.js';
import type { Slide } from './library.js';
import type { PlanText, RichText } from './rich.js';
import { addText, type Fonts, textProps } from './text.js';
import { hex, inch, pt, THEME, xmlSafe } from './units.js';

/** What every slide shows around its body. */
export interface FrameView {
  readonly number: number;
  readonly total: number;
  readonly classification: string | undefined;
  /** The deck's title, version and date, for the band. */
  readonly band: string;
  readonly title: PlanText;
  readonly continued: boolean;
  readonly caption: string | undefined;
  /** The title and divider slides draw their own title. */
  readonly cover: boolean;
}

export interface FrameTools {
  readonly fonts: Fonts;
  readonly rich: RichText;
  readonly measure: TextMeasure;
}

const BAND_TEXT = 15;
const BAND_GAP = 24;

/** `text` cut with an ellipsis to fit `width` at `size` px, as the deck's band does with CSS. */
function fitLine(measure: TextMeasure, text: string, size: number, width: number): string {
  if (measure.width(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && measure.width(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * The band (classification, deck title, page number) across the top, the title with its rule and the caption
 * under it; returns where the body starts, in deck px.
 */
export function drawFrame(slide: Slide, view: FrameView, tools: FrameTools): number {
  const { fonts, measure } = tools;
  slide.background = { color: THEME.white };
  slide.addShape('rect', {
    x: 0,
    y: 0,
    w: inch(SLIDE.width),
    h: inch(FRAME.band),
    fill: { color: THEME.band },
    line: { type: 'none' },
  });
  const bandText = (text: string, x: number, w: number, align: 'left' | 'right', bold = false) =>
    slide.addText(xmlSafe(text), {
      x: inch(x),
      y: 0,
      w: inch(w),
      h: inch(FRAME.band),
      margin: 0,
      valign: 'middle',
      align,
      wrap: false,
      fontFace: fonts.family,
      fontSize: pt(BAND_TEXT),
      color: THEME.white,
      bold,
      ...(bold ? { charSpacing: 1 } : {}),
    });
  const classification = view.classification?.toUpperCase();
  // Room for the letter spacing and for a wider fallback where Roboto is not installed (DejaVu Sans Bold sets
  // the band about a quarter wider), so the classification never runs into the deck title beside it.
  const classWidth = classification === undefined ? 0 : measure.width(classification, BAND_TEXT, true) * 1.3 + 4;
  const number = `${view.number} / ${view.total}`;
  const numberWidth = measure.width(number, BAND_TEXT) + 4;
  if (classification !== undefined) bandText(classification, FRAME.padX, classWidth, 'left', true);
  const titleX = FRAME.padX + (classWidth > 0 ? classWidth + BAND_GAP : 0);
  const titleWidth = CONTENT_WIDTH - (titleX - FRAME.padX) - numberWidth - BAND_GAP;
  bandText(fitLine(measure, view.band, BAND_TEXT, titleWidth - 8), titleX, titleWidth, 'left');
  bandText(number, SLIDE.width - FRAME.padX - numberWidth, numberWidth, 'right');
  if (view.cover) {
    slide.addShape('rect', {
      x: 0,
      y: inch(FRAME.band),
      w: inch(14),
      h: inch(SLIDE.height - FRAME.band),
      fill: { color: THEME.accent },
      line: { type: 'none' },
    });
    return FRAME.band + FRAME.padTop;
  }
  return drawTitle(slide, view, tools);
}

function drawTitle(slide: Slide, view: FrameView, tools: FrameTools): number {
  const { fonts, rich, measure } = tools;
  const top = FRAME.band + FRAME.padTop;
  const plain = `${rich.plain(view.title)}${view.continued ? ' (continued)' : ''}`;
  const lines = Math.max(1, wrapText(measure, plain, { fontSize: TEXT.title.size, bold: true }, CONTENT_WIDTH).length);
  const height = lines * TEXT.title.size * TEXT.title.lineHeight;
  const runs = [...rich.runs(view.title), ...(view.continued ? [{ text: ' (continued)', color: THEME.muted }] : [])];
  const look = { size: TEXT.title.size, lineHeight: TEXT.title.lineHeight, color: THEME.accent, bold: true, gap: 0 };
  addText(slide, textProps([{ runs, blockEnd: false }], look, fonts), {
    x: FRAME.padX,
    y: top,
    w: CONTENT_WIDTH,
    h: height,
  });
  // The rule under the title: 6 px below it, 3 px thick, as the deck's h2 border.
  slide.addShape('rect', {
    x: inch(FRAME.padX),
    y: inch(top + height + 6),
    w: inch(CONTENT_WIDTH),
    h: inch(3),
    fill: { color: THEME.accent },
    line: { type: 'none' },
  });
  let y = top + height + 9 + TEXT.titleGap;
  if (view.caption !== undefined) {
    const look = { size: TEXT.small.size, lineHeight: TEXT.small.lineHeight, color: THEME.muted, gap: 0 };
    const height = TEXT.small.size * TEXT.small.lineHeight;
    addText(slide, textProps([{ runs: [{ text: xmlSafe(view.caption) }], blockEnd: false }], look, fonts), {
      x: FRAME.padX,
      y,
      w: CONTENT_WIDTH,
      h: height,
    });
    y += height + CAPTION_GAP;
  }
  return y;
}

/** The lowest a slide's body may reach: the deck keeps its bottom free for the navigation arrows. */
export const BODY_BOTTOM = SLIDE.height - FRAME.padBottom;

export const colour = hex;
