import { fontChain } from '../../fonts/chain.js';
import type { FontSet } from '../../fonts/load.js';
import type { Comparison } from '../../model/comparison.js';
import { importAtRunTime } from '../../resources/run-time-import.js';
import { type PrintedField, printedFields } from '../printed-fields.js';
import type { OutputWarning } from '../render.js';

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One warning per field whose text uses characters no font of the chain can draw (they would print as
 * empty boxes): CJK with no CJK font configured, for instance. Each character is named as Unicode names
 * it; the names' table (~1.7 MB) loads only when something is missing.
 */
export async function missingGlyphWarnings(comparison: Comparison, fonts: FontSet): Promise<OutputWarning[]> {
  const chain = fontChain(fonts);
  const found: [PrintedField[0], string[]][] = [];
  for (const [path, text] of printedFields(comparison)) {
    if (text === undefined || /^[\x00-\x7f]*$/.test(text)) continue;
    const missing = chain.missing(text);
    if (missing.length > 0) found.push([path, missing]);
  }
  if (found.length === 0) return [];
  const { unicodeName } = (await importAtRunTime('unicode-name')) as typeof import('unicode-name');
  const names = chain.families.map((f) => f.family).join(', ');
  return found.map(([path, [first = '', ...rest]]) => {
    const shown = [first, ...rest.slice(0, 4)]
      .map((ch) => `"${ch}" (${unicodeName(ch) ?? 'unnamed'}, ${codePoint(ch)})`)
      .join(', ');
    const more = rest.length > 4 ? ` and ${rest.length - 4} more` : '';
    return {
      path,
      needle: first,
      message: `no report font (${names}) has a glyph for ${shown}${more}; the PDF prints an empty box instead: add a font that has it under "fallbackFonts" in the config`,
    };
  });
}
