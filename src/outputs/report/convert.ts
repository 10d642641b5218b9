import type { Content } from 'pdfmake/interfaces.js';
import { BlockConverter, type ConverterOptions, inlineTokens, TEMPLATE } from './blocks.js';
import { inlineRuns, type Run, type RunStyle } from './inline.js';

export { type ConverterOptions, embeddable } from './blocks.js';

/** Markdown (marked's tokens) to pdfmake nodes, for the template's Markdown and for content fields. */
export interface Converter {
  /** The template's Markdown: headings go to the outline and the contents, slots are filled in. */
  template(markdown: string): Content[];
  /** A content field as one run of inline text (table cells, list labels). */
  inline(markdown: string, base?: RunStyle): Run[];
  /** One line of the template's inline Markdown (the header and footer), slots filled in. */
  templateLine(markdown: string): Run[];
}

export function createConverter(options: ConverterOptions): Converter {
  const { md, style } = options;
  const blocks = new BlockConverter(options);
  return {
    template: (markdown) => blocks.blocks(md.tokens(markdown), TEMPLATE),
    inline: (markdown, base = {}) => inlineRuns(inlineTokens(md.tokens(markdown)), style, base),
    templateLine: (markdown) => blocks.runs(inlineTokens(md.tokens(markdown)), TEMPLATE),
  };
}
