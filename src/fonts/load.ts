import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The four faces of one family, as TTF bytes. Diagrams measure with them; the report embeds them. */
export interface FontSet {
  readonly family: string;
  readonly normal: Uint8Array;
  readonly bold: Uint8Array;
  readonly italics: Uint8Array;
  readonly bolditalics: Uint8Array;
}

export interface FontFiles {
  readonly family: string;
  readonly normal: string;
  readonly bold: string;
  readonly italics: string;
  readonly bolditalics: string;
}

/** Roboto as shipped in pdfmake's package: the default everywhere, so the deck and the PDF draw alike. */
export function defaultFontFiles(): FontFiles {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  return {
    family: 'Roboto',
    normal: join(dir, 'Roboto-Regular.ttf'),
    bold: join(dir, 'Roboto-Medium.ttf'),
    italics: join(dir, 'Roboto-Italic.ttf'),
    bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
  };
}

const cache = new Map<string, Promise<FontSet>>();

/** Reads a font set once per process; rebuilds reuse the bytes. */
export function loadFonts(files: FontFiles = defaultFontFiles()): Promise<FontSet> {
  const key = JSON.stringify(files);
  let fonts = cache.get(key);
  if (!fonts) {
    fonts = Promise.all([
      readFile(files.normal),
      readFile(files.bold),
      readFile(files.italics),
      readFile(files.bolditalics),
    ]).then(([normal, bold, italics, bolditalics]) => ({ family: files.family, normal, bold, italics, bolditalics }));
    cache.set(key, fonts);
  }
  return fonts;
}
