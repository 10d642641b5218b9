import type * as Fontkit from 'fontkit';
import { original, replaceRequired } from './fontkit-cjs.js';

/**
 * Parsed fonts by the bytes they were parsed from. pdfkit parses every font face again for every document
 * (`PDFFontFactory.open` → `fontkit.create`), which profiled at ~35 ms of each report rebuild; our FontSet
 * bytes are read once per process, so the parsed font is reused. pdfkit only reads from the font and makes
 * a fresh subset per document, so sharing it between documents is safe.
 */
const parsed = new WeakMap<ArrayBufferLike, Map<string, ReturnType<typeof Fontkit.create>>>();

const stats = { hits: 0, misses: 0 };

/** How often a parse was saved; the test that pdfkit uses the cache reads it. */
export function fontkitCacheStats(): Readonly<typeof stats> {
  return { ...stats };
}

function createCached(bytes: Uint8Array, postscriptName?: string): ReturnType<typeof Fontkit.create> {
  const key = `${bytes.byteOffset}:${bytes.byteLength}:${postscriptName ?? ''}`;
  let fonts = parsed.get(bytes.buffer);
  if (!fonts) {
    fonts = new Map();
    parsed.set(bytes.buffer, fonts);
  }
  let font = fonts.get(key);
  if (font) stats.hits++;
  else {
    stats.misses++;
    font = original.create(bytes as Buffer, postscriptName);
    fonts.set(key, font);
  }
  return font;
}

/**
 * fontkit with the cache above, and the copy pdfkit gets (this module is imported before pdfmake; if pdfkit
 * were loaded first it would keep the plain fontkit, which is only slower). Import fontkit from here, never
 * from 'fontkit': its ESM build is a second copy (~30 ms to load).
 */
export const fontkit: typeof Fontkit = Object.freeze({ ...original, create: createCached }) as typeof Fontkit;

replaceRequired(fontkit);
