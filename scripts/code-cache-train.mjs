#!/usr/bin/env node
// Writes the code cache of the bundled worker and CLI (lib/bundle/) after each has built the content file
// given, so that the cache holds the functions a build runs, not only the top level. Run by bundle.mjs.
// The worker's bundle runs on this thread with a stand-in for its port to the pool, so its cache is written
// by the thread that compiled it; the CLI then builds the same file through a real worker.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as workerThreads from 'node:worker_threads';
import { runBundle, writeCodeCache } from '../lib/pipeline/code-cache.js';
import { planBuild } from '../lib/pipeline/plan.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const example = resolve(process.argv[2] ?? 'content/runc-vs-kata.md');
const out = resolve(process.argv[3] ?? join(root, 'lib/bundle'));
const dir = mkdtempSync(join(tmpdir(), 'riskdeck-code-cache-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function trainWorker() {
  const file = join(out, 'worker-code.cjs');
  const port = new EventEmitter();
  const replies = [];
  port.postMessage = (message) => {
    replies.push(message);
    port.emit('reply', message);
  };
  const real = createRequire(file);
  const require = Object.assign(
    (id) =>
      id === 'node:worker_threads' || id === 'worker_threads' ? { ...workerThreads, parentPort: port } : real(id),
    real,
  );
  const bundle = runBundle(file, require);
  const options = { files: [example], cwd: dir, outDir: join(dir, 'worker-dist') };
  const { jobs } = await planBuild(options);
  const reply = new Promise((done) => port.on('reply', (m) => m.id === 1 && done(m)));
  port.emit('message', { id: 1, job: jobs[0], options });
  const { result, bug } = await reply;
  if (bug !== undefined || result.error !== undefined) throw new Error(bug ?? result.error.message);
  return writeCodeCache(bundle);
}

function trainCli(workerBytes) {
  const file = join(out, 'bin-code.cjs');
  process.chdir(dir);
  process.argv = [process.execPath, file, 'build', example, '--out', join(dir, 'cli-dist'), '--quiet'];
  const bundle = runBundle(file);
  process.once('beforeExit', () => {
    if (process.exitCode !== 0 && process.exitCode !== undefined) return;
    const cliBytes = writeCodeCache(bundle);
    process.stdout.write(`code cache: CLI ${cliBytes} bytes, worker ${workerBytes} bytes\n`);
  });
}

trainCli(await trainWorker());
