import { fileURLToPath } from 'node:url';
import { runBundle } from '../pipeline/code-cache.js';

/** The installed `riskdeck` command: runs the bundled CLI (bin-code.cjs beside it) with its code cache. */
runBundle(fileURLToPath(new URL('./bin-code.cjs', import.meta.url)));
