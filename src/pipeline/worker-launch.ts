import { fileURLToPath } from 'node:url';
import { runBundle } from './code-cache.js';

/** What each build worker of the bundled CLI runs: the bundled worker (worker-code.cjs beside it), cached. */
runBundle(fileURLToPath(new URL('./worker-code.cjs', import.meta.url)));
