/**
 * The script each build worker runs. The bundled CLI replaces this module (scripts/bundle.mjs) with the
 * bundled worker beside it.
 */
export const WORKER_URL = new URL('../../lib/pipeline/worker.js', import.meta.url);
