import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

/**
 * fontkit as pdfkit loads it. Its ESM and CommonJS builds are separate copies; importing the ESM one
 * beside pdfkit's `require` would load and initialise fontkit twice (~30 ms of every build).
 */
export const fontkit: typeof Fontkit = createRequire(import.meta.url)('fontkit');
