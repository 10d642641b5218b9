// The script `node --build-snapshot` runs for bench/snapshot.mjs, which measures a V8 startup snapshot of a
// cold build (BENCHMARKS.md, "Startup snapshot: measured"). Not part of the CLI.
// It runs the bundled build worker (lib/bundle/worker-code.cjs) on this thread with a stand-in for its port
// (as scripts/code-cache-train.mjs does), builds the example once so that the blob holds every module
// initialised and the code of a build compiled, then, in each process started from the blob, builds the one
// file named: `node --snapshot-blob B riskdeck build <file> [--only names]` (writes dist/<name>/ in the
// current folder, prints what `riskdeck build` prints). Only Node's built-in modules can be required here.
const { EventEmitter } = require('node:events');
const { mkdtempSync, readFileSync, rmSync, writeSync } = require('node:fs');
const { isBuiltin } = require('node:module');
const { tmpdir } = require('node:os');
const { basename, dirname, join, relative, resolve } = require('node:path');
const { runInThisContext } = require('node:vm');
const v8 = require('node:v8');
const workerThreads = require('node:worker_threads');

const bundle = process.env.RISKDECK_SNAPSHOT_BUNDLE;
const example = process.env.RISKDECK_SNAPSHOT_WARM_UP;
if (!bundle || !example) throw new Error('set RISKDECK_SNAPSHOT_BUNDLE and RISKDECK_SNAPSHOT_WARM_UP');

// Packages left out of the bundle (unicode-name, pptxgenjs) and package folders are found on disk when first
// asked for, in the process that asks (a require made while the snapshot is written would be frozen in it).
let disk;
const fromDisk = () => {
  disk ??= require('node:module').createRequire(bundle);
  return disk;
};
const port = new EventEmitter();
port.postMessage = (message) => port.emit('reply', message);
const bundleRequire = Object.assign(
  (id) => {
    if (id === 'node:worker_threads' || id === 'worker_threads') return { ...workerThreads, parentPort: port };
    return isBuiltin(id) ? require(id) : fromDisk()(id);
  },
  { resolve: (id) => fromDisk().resolve(id) },
);
// Code in a snapshot cannot call import(): unicode-name (an ES module) is required, as Node 20.19+ allows.
const importAtRunTime = (specifier) => Promise.resolve().then(() => fromDisk()(specifier));

const wrapped = `(function (exports, require, module, __filename, __dirname, __riskdeck_import) {${readFileSync(bundle, 'utf8')}\n})`;
const module = { exports: {} };
runInThisContext(wrapped, { filename: bundle })(
  module.exports,
  bundleRequire,
  module,
  bundle,
  dirname(bundle),
  importAtRunTime,
);

let nextId = 0;
/** One file built on this thread, as a build worker builds it for the pool. */
function build(file, cwd, only) {
  const id = nextId++;
  const name = basename(file).replace(/\.(md|markdown|ya?ml)$/i, '');
  const job = { file, display: relative(cwd, file) || file, name, outDir: join(cwd, 'dist'), cwd };
  const options = { files: [file], cwd, ...(only && { only, keep: ['*'] }) };
  return new Promise((done) => {
    const onReply = (reply) => {
      if (reply.id !== id) return;
      port.off('reply', onReply);
      done(reply);
    };
    port.on('reply', onReply);
    port.emit('message', { id, job, options });
  });
}

/**
 * V8 (Node 20) crashes writing a snapshot that holds a regular expression compiled to machine code, which
 * marked's tokenizer rules are after a build; so the warm-up runs every regular expression in V8's
 * interpreter, and the flags are put back before the blob is written (V8 refuses a blob whose flags differ).
 */
v8.setFlagsFromString('--regexp-interpret-all');
const warmUpDir = mkdtempSync(join(tmpdir(), 'riskdeck-snapshot-warm-up-'));
build(resolve(example), warmUpDir, undefined).then((reply) => {
  rmSync(warmUpDir, { recursive: true, force: true });
  v8.setFlagsFromString('--no-regexp-interpret-all --regexp-tier-up');
  if (reply.bug || reply.result.error)
    throw new Error(`warm-up build failed: ${reply.bug ?? reply.result.error.message}`);
});

v8.startupSnapshot.setDeserializeMainFunction(() => {
  // A parent that watches this process (bench/snapshot-hop.cjs) learns here that the blob was taken.
  if (process.env.RISKDECK_SNAPSHOT_REPORT_FD) writeSync(Number(process.env.RISKDECK_SNAPSHOT_REPORT_FD), 'started\n');
  const [, , command, file, ...flags] = process.argv;
  const at = flags.indexOf('--only');
  const only = at >= 0 ? flags[at + 1].split(',') : undefined;
  if (command !== 'build' || !file) {
    process.stderr.write('usage: node --snapshot-blob B riskdeck build <file> [--only names]\n');
    process.exitCode = 2;
    return;
  }
  const cwd = process.cwd();
  build(resolve(cwd, file), cwd, only).then((reply) => {
    if (reply.bug) throw new Error(reply.bug);
    const { result } = reply;
    for (const w of result.warnings) process.stderr.write(`warning: ${w.file}:${w.line}:${w.column}  ${w.message}\n`);
    if (result.error) {
      process.stderr.write(`${result.error.message}\n`);
      process.exitCode = 1;
    } else if (!flags.includes('-q')) process.stdout.write(`built ${result.file} → ${result.outDir}\n`);
  });
});
