import { TONES } from '../../diagram/palette.js';
import { CAPTION_GAP, COLUMNS, FRAME, IMAGE, LIST, SLIDE, TABLE, type TableKind, TEXT } from '../../plan/geometry.js';

const pct = (f: number) => `${(f * 100).toFixed(3)}%`;

/** The CSS that fixes the geometry above; the theme (colours, type, decoration) stays in theme.css. */
export function layoutCss(fontFamily: string): string {
  const family = JSON.stringify(fontFamily);
  const face = (file: string, weight: string, style: string) =>
    `@font-face{font-family:${family};src:url("fonts/${file}") format("truetype");font-weight:${weight};font-style:${style};font-display:block}`;
  const rules = [
    face('regular.ttf', '100 499', 'normal'),
    face('bold.ttf', '500 900', 'normal'),
    face('italic.ttf', '100 499', 'italic'),
    face('bold-italic.ttf', '500 900', 'italic'),
    `:root{--deck-font:${family},sans-serif}`,
    // Print mode (`?print-pdf`) moves every slide into a `.pdf-page` of its own.
    `.reveal .slides>section:not(.stack),.reveal .slides>section>section,.reveal .slides>.pdf-page>section{height:${SLIDE.height}px;box-sizing:border-box;padding:0}`,
    `.reveal .slide-frame{position:absolute;inset:0;padding:${FRAME.band + FRAME.padTop}px ${FRAME.padX}px ${FRAME.padBottom}px;box-sizing:border-box;display:flex;flex-direction:column;overflow:hidden}`,
    `.reveal .slide-frame>h2{font-size:${TEXT.title.size}px;line-height:${TEXT.title.lineHeight};margin:0 0 ${TEXT.titleGap}px}`,
    // A word longer than its line (a 3,000-character URL) breaks anywhere, as the pagination estimate assumes.
    `.reveal .slide-body{font-size:${TEXT.body.size}px;line-height:${TEXT.body.lineHeight};flex:1 1 auto;min-height:0;overflow-wrap:anywhere}`,
    `.reveal .slide-body .small{font-size:${TEXT.small.size}px;line-height:${TEXT.small.lineHeight}}`,
    `.reveal .slide-body h3{font-size:${TEXT.h3.size}px;line-height:${TEXT.h3.lineHeight};margin:0 0 ${TEXT.blockGap}em}`,
    `.reveal .slide-body p,.reveal .slide-body ul,.reveal .slide-body ol,.reveal .slide-body pre,.reveal .slide-body blockquote{margin:0 0 ${TEXT.blockGap}em}`,
    `.reveal .slide-body ul,.reveal .slide-body ol{padding-left:${TEXT.listIndent}em}`,
    `.reveal .slide-body li{margin:0 0 ${TEXT.itemGap}em}`,
    `.reveal .slide-body ol.agenda>li,.reveal .slide-body ol.references>li{margin:0 0 ${TEXT.entryGap}px}`,
    `.reveal .list-columns{display:grid;grid-template-columns:1fr 1fr;column-gap:${LIST.columnGap}px;align-items:start}`,
    `.reveal ol.references{font-size:${LIST.reference.size}px;line-height:${LIST.reference.lineHeight}}`,
    `.reveal ol.references .url,.reveal ol.references .note{font-size:${LIST.detail.size}px;line-height:${LIST.detail.lineHeight}}`,
    `.reveal ol.references .note>:last-child{margin-bottom:0}`,
    `.reveal .slide-body img{max-width:100%;max-height:${IMAGE.maxHeight}px;width:auto;height:auto;display:block}`,
    `.reveal .slide-band{position:absolute;left:0;right:0;top:0;height:${FRAME.band}px;box-sizing:border-box;padding:0 ${FRAME.padX}px}`,
    `.reveal table.deck-table{width:100%;table-layout:fixed;border-collapse:collapse;font-size:${TABLE.text.size}px;line-height:${TABLE.text.lineHeight}}`,
    `.reveal table.deck-table th,.reveal table.deck-table td{padding:${TABLE.padY}px ${TABLE.padX}px;border:${TABLE.border}px solid;vertical-align:top;overflow-wrap:anywhere}`,
    `.reveal table.deck-table p,.reveal table.deck-table ul,.reveal table.deck-table ol{margin:0 0 ${TEXT.blockGap}em}`,
    // The last paragraph or list of a cell sits on the cell's padding or on what follows (a `.sub` line) directly.
    `.reveal table.deck-table :is(p,ul,ol):last-of-type{margin-bottom:0}`,
    `.reveal table.deck-table .sub{display:block;font-size:${TABLE.sub.size}px;line-height:${TABLE.sub.lineHeight};font-weight:normal;margin-top:${TABLE.subGap}px}`,
    // Tables in Markdown text: the deck's tables' type and rules, columns as wide as their longest cell.
    // The gap under a table is the body's block gap, as under a paragraph: the estimate counts it.
    `.reveal .slide-body .markdown table{width:100%;border-collapse:collapse;font-size:${TABLE.text.size}px;line-height:${TABLE.text.lineHeight};margin:0 0 ${TEXT.blockGap * TEXT.body.size}px}`,
    `.reveal .slide-body .markdown :is(th,td){padding:${TABLE.padY}px ${TABLE.padX}px;border:${TABLE.border}px solid;vertical-align:top;overflow-wrap:anywhere;text-align:left}`,
    // An identifier moves to the next line whole; longer than its line, it breaks anywhere.
    `.reveal .nobreak{display:inline-block;max-width:100%;overflow-wrap:anywhere;text-indent:0}`,
    `.reveal .caption{font-size:${TEXT.small.size}px;line-height:${TEXT.small.lineHeight};margin:0 0 ${CAPTION_GAP}px}`,
    `.reveal .badge{display:inline-block;font-size:${TABLE.badge.size}px;line-height:${TABLE.badge.lineHeight};padding:${TABLE.badge.padY}px 8px;white-space:nowrap}`,
  ];
  // The key's swatches in the matrices' own colours.
  for (const [level, tone] of Object.entries(TONES)) rules.push(`.reveal .swatch-${level}{background:${tone.fill}}`);
  for (const [kind, spec] of Object.entries(COLUMNS) as [TableKind, (typeof COLUMNS)[TableKind]][]) {
    const widths = 'fixed' in spec ? spec.fixed : [spec.lead];
    widths.forEach((w, i) => {
      rules.push(`.reveal table.t-${kind}>colgroup>col:nth-child(${i + 1}){width:${pct(w)}}`);
    });
  }
  return `${rules.join('\n')}\n`;
}
