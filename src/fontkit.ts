import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

/**
 * fontkit as pdfkit loads it; import it from here rather than from 'fontkit'. Its ESM and CommonJS builds
 * are separate copies, and the ESM one beside pdfkit's `require` loads and initialises fontkit twice
 * (~30 ms of every build).
 */
export const fontkit: typeof Fontkit = createRequire(import.meta.url)('fontkit');
