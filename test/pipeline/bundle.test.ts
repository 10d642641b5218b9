import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree } from '../helpers/cli.js';

// The bundled CLI (lib/bundle/, what `riskdeck` runs) against the modules tsc compiles (lib/), both as
// `npm run compile` leaves them.
const run = promisify(execFile);
const BUNDLE = resolve('lib/bundle/bin.cjs');
const MODULES = resolve('lib/cli/bin.js');
const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTENT = [
  'content/runc-vs-kata.md',
  'test/fixtures/content/real-review-4.md',
  'test/fixtures/content/real-review-8.md',
];

async function buildWith(bin: string, name: string, env: NodeJS.ProcessEnv = {}) {
  const cwd = join(dir, name);
  mkdirSync(join(cwd, 'content'), { recursive: true });
  for (const file of CONTENT) cpSync(file, join(cwd, 'content', file.split('/').pop() as string));
  const { SOURCE_DATE_EPOCH: _, ...inherited } = process.env;
  const result = await run(process.execPath, [bin, 'build', '--quiet'], { cwd, env: { ...inherited, ...env } });
  return { tree: hashTree(join(cwd, 'dist')), stderr: result.stderr };
}

describe('the bundled CLI', () => {
  it('writes every output byte-identical to the unbundled modules, its code cache taken by both threads', async () => {
    const modules = await buildWith(MODULES, 'modules');
    const bundled = await buildWith(BUNDLE, 'bundled', { RISKDECK_CODE_CACHE_REPORT: '1' });
    // Three folders of deck, report, model, fonts and reveal.js: not a vacuous comparison.
    expect(Object.keys(modules.tree).filter((path) => path.endsWith('report.pdf'))).toHaveLength(3);
    expect(Object.keys(modules.tree).length).toBeGreaterThan(30);
    expect(bundled.tree).toEqual(modules.tree);
    // One line from the main thread, then one from each worker (three files on up to as many cores).
    const [main, ...workers] = bundled.stderr.match(/^code cache \w+: .*$/gm) ?? [];
    expect(main).toBe(`code cache accepted: ${resolve('lib/bundle/bin-code.cjs')}`);
    expect(workers.length).toBeGreaterThan(0);
    for (const line of workers) expect(line).toBe(`code cache accepted: ${resolve('lib/bundle/worker-code.cjs')}`);
  }, 300_000);

  it('holds one fontkit: pdfkit draws with the wrapper that caches parsed fonts', () => {
    const worker = readFileSync('lib/bundle/worker-code.cjs', 'utf8');
    // A string fontkit's source has once; a second copy of fontkit would have it twice.
    expect(worker.split('Unknown font format').length - 1).toBe(1);
    expect(readFileSync('node_modules/fontkit/dist/main.cjs', 'utf8').split('Unknown font format')).toHaveLength(2);
  });

  it('carries every built-in template precompiled', () => {
    const templates = readdirSync('templates', { recursive: true }).filter((path) => String(path).endsWith('.hbs'));
    const worker = readFileSync('lib/bundle/worker-code.cjs', 'utf8');
    // Each spec Handlebars.precompile makes names its compiler revision once.
    expect(templates.length).toBeGreaterThan(30);
    expect(worker.match(/compiler:\[8,">= 4\.3\.0"\]/g)).toHaveLength(templates.length);
  });

  it('runs its worker under the heap limit the pool sets', async () => {
    // The pool passes resourceLimits to the bundled worker as it did to lib/pipeline/worker.js; a build of
    // the 8-system review cannot fit in 24 MB of heap, so the thread must be stopped, not the process.
    const worker = new Worker(resolve('lib/bundle/worker.cjs'), { resourceLimits: { maxOldGenerationSizeMb: 24 } });
    const hello = await new Promise((done) => worker.once('message', done));
    expect(hello).toHaveProperty('thread');
    const cwd = join(dir, 'limited');
    mkdirSync(cwd, { recursive: true });
    const file = resolve('test/fixtures/content/real-review-8.md');
    const job = { file, display: 'real-review-8.md', name: 'real-review-8', outDir: join(cwd, 'dist'), cwd };
    const stopped = new Promise<Error>((done) => worker.once('error', done));
    worker.postMessage({ id: 0, job, options: { cwd, files: [file] } });
    expect((await stopped) as Error & { code?: string }).toHaveProperty('code', 'ERR_WORKER_OUT_OF_MEMORY');
  }, 120_000);
});
