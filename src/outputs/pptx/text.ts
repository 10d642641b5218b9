import { TEXT } from '../../plan/geometry.js';
import type { Slide, TextOptions, TextProps } from './library.js';
import type { Paragraph, Run, RunLink } from './runs.js';
import { fontName, inch, pt, THEME } from './units.js';

/** A style of the deck's text, in deck px: its size, line height (× size) and colour. */
export interface TextLook {
  readonly size: number;
  readonly lineHeight: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Space after each block (paragraph, list), × size; the deck's `blockGap` unless set. */
  readonly gap?: number;
}

/** The font family of the whole file, and the one for code. */
export interface Fonts {
  readonly family: string;
  readonly mono: string;
}

export const MONO = 'DejaVu Sans Mono';

export const fontsOf = (family: string): Fonts => ({ family: fontName(family), mono: MONO });

const hyperlink = (link: RunLink) => ('url' in link ? { url: link.url } : { slide: link.slide });

/** One run's options: its style over the look's. */
function runOptions(run: Run, look: TextLook, fonts: Fonts): TextOptions {
  return {
    fontFace: run.code ? fonts.mono : fonts.family,
    fontSize: pt(look.size),
    color: run.color ?? (run.link ? THEME.link : (look.color ?? THEME.ink)),
    ...(run.bold || look.bold ? { bold: true } : {}),
    ...(run.italic || look.italic ? { italic: true } : {}),
    ...(run.strike ? { strike: 'sngStrike' as const } : {}),
    ...(run.highlight || run.code ? { highlight: run.highlight ?? THEME.codeBackground } : {}),
    ...(run.link ? { hyperlink: hyperlink(run.link) } : {}),
  };
}

/**
 * Paragraphs as the library's text runs: each paragraph's first run carries its line spacing, its space after
 * and its list marker, its last run ends it. Line spacing is exact (points), as CSS line heights are, so that
 * a slide's text takes the height the deck measured for it.
 */
export function textProps(paragraphs: readonly Paragraph[], look: TextLook, fonts: Fonts): TextProps[] {
  const out: TextProps[] = [];
  const gap = (look.gap ?? TEXT.blockGap) * look.size;
  // Numbers of two digits and more need a wider hanging indent than a bullet, the same for the whole list.
  const widest = Math.max(0, ...paragraphs.map((p) => (p.list?.ordered ? p.list.number : 0)));
  const numberIndent = widest >= 10 ? 1.9 : TEXT.listIndent;
  paragraphs.forEach((p, index) => {
    const last = index === paragraphs.length - 1;
    const size = p.heading ? TEXT.h3.size : (p.look?.size ?? look.size);
    const lineHeight = p.heading ? TEXT.h3.lineHeight : (p.look?.lineHeight ?? look.lineHeight);
    const pLook: TextLook = {
      ...look,
      size,
      ...(p.look?.color ? { color: p.look.color } : {}),
      ...(p.heading ? { color: THEME.accent } : {}),
      ...(p.quote ? { color: THEME.muted } : {}),
    };
    const after = p.spaceAfter ?? (p.blockEnd ? gap : p.list ? TEXT.itemGap * look.size : 0);
    const indent = pt((p.list?.ordered ? numberIndent : TEXT.listIndent) * look.size);
    const bullet =
      p.list === undefined || p.list.number === 0
        ? undefined
        : p.list.ordered
          ? { type: 'number' as const, numberStartAt: p.list.number, indent }
          : { indent };
    const paragraph: TextOptions = {
      lineSpacing: pt(size * lineHeight),
      ...(after > 0 ? { paraSpaceAfter: pt(after) } : {}),
      ...(p.spaceBefore ? { paraSpaceBefore: pt(p.spaceBefore) } : {}),
      ...(p.align ? { align: p.align } : {}),
      ...(bullet ? { bullet, ...(p.list && p.list.depth > 0 ? { indentLevel: p.list.depth } : {}) } : {}),
    };
    const runs = p.runs.length > 0 ? p.runs : [{ text: ' ' }];
    runs.forEach((run, i) => {
      out.push({
        text: run.text,
        options: {
          ...runOptions(run, pLook, fonts),
          ...(i === 0 ? paragraph : {}),
          ...(i === runs.length - 1 && !last ? { breakLine: true } : {}),
        },
      });
    });
  });
  return out;
}

/** One paragraph of plain runs. */
export const para = (runs: readonly Run[]): Paragraph => ({ runs, blockEnd: false });

/** A box in deck px. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Text in a box of the slide, from its top-left corner, no inner margin: where the deck's CSS box is. */
export function addText(slide: Slide, props: TextProps[], box: Box, more: Partial<TextOptions> = {}): void {
  if (props.length === 0) return;
  slide.addText(props, {
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(box.h),
    margin: 0,
    valign: 'top',
    wrap: true,
    ...more,
  });
}
