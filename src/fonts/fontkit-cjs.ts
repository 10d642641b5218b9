import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/**
 * fontkit's CommonJS build: the copy pdfkit requires. Its ESM build would be a second copy (~30 ms to load).
 * The bundled CLI replaces this module (scripts/bundle.mjs): there the bundler sends pdfkit's `fontkit` to
 * the wrapper in fontkit.ts instead.
 */
export const original: typeof Fontkit = require('fontkit');

/**
 * Makes every later `require('fontkit')` (pdfkit's) return `wrapped`: fontkit's CommonJS exports are
 * read-only getters, so the module's cached exports are replaced before pdfkit first requires it.
 */
export function replaceRequired(wrapped: typeof Fontkit): void {
  const entry = require.cache[require.resolve('fontkit')];
  if (entry) entry.exports = wrapped;
}
