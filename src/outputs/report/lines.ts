import type { Token, Tokens } from 'marked';
import type { Content } from 'pdfmake/interfaces.js';
import { decodeEntities } from './inline.js';

/**
 * A block of text as one pdfmake text per line. pdfmake lays out one text in time quadratic in its
 * words, so a code block or raw HTML block of thousands of lines took tens of seconds as one text.
 */
export function lineByLine(text: string, props: Record<string, unknown>): { stack: Content[] } {
  return { stack: text.split('\n').map((line) => ({ ...props, text: line === '' ? ' ' : line }) as Content) };
}

interface ImageSize {
  readonly output: string;
  readonly width: number;
  readonly height: number;
}

/**
 * A paragraph with checked images in it: the text around each image as paragraphs, each image between
 * them at 96 dpi, within `maxWidth` and `maxHeight`. pdfmake cannot put an image inside a line of text, so
 * it goes between lines. Undefined when the paragraph has no image to show.
 */
export function imagesBetweenText(
  children: readonly Token[],
  options: {
    imageOf: (token: Token) => ImageSize | undefined;
    maxWidth: number;
    maxHeight: number;
    paragraph: (tokens: Token[]) => Content;
  },
): Content[] | undefined {
  if (!children.some((t) => options.imageOf(t))) return undefined;
  const out: Content[] = [];
  let text: Token[] = [];
  const flush = () => {
    if (text.some((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br'))
      out.push(options.paragraph(text));
    text = [];
  };
  for (const child of children) {
    const image = options.imageOf(child);
    if (!image) {
      text.push(child);
      continue;
    }
    flush();
    const scale = Math.min(0.75, options.maxWidth / image.width, options.maxHeight / image.height);
    // `alt` is ours, not pdfmake's: the tagged PDF makes the image a Figure with it (empty: an artifact).
    const alt = decodeEntities((child as Tokens.Image).text);
    out.push({
      image: image.output,
      width: image.width * scale,
      height: image.height * scale,
      margin: [0, 2, 0, 8],
      alt,
    } as Content);
  }
  flush();
  return out;
}
