// Measures what a V8 startup snapshot would do for a cold `riskdeck build` (BENCHMARKS.md, "Startup snapshot:
// measured"). Not part of `npm run bench`: it writes a ~23 MB blob and was measured to decide against it.
// 1. Writes a blob (`node --build-snapshot bench/snapshot-entry.cjs`) from the bundled worker after a build of
//    the example, into a temporary folder: its size and the time it takes.
// 2. Builds every fixture that builds both ways, today's CLI and from the blob, and compares the output trees.
// 3. Times, interleaved round by round: today's CLI (lib/bundle/bin.cjs: code cache, build worker), a process
//    started from the blob (`node --snapshot-blob`), and the same behind the parent it needs
//    (bench/snapshot-hop.cjs: the re-exec, a check of the fonts and templates the blob holds, the watchdog).
// Usage: npm run compile && node bench/snapshot.mjs [--runs 7]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { interleaved, stats, timed } from './cold.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const bin = join(root, 'lib/bundle/bin.cjs');
const example = join(root, 'content/runc-vs-kata.md');
const review = join(root, 'test/fixtures/content/real-review-4.md');
const work = mkdtempSync(join(tmpdir(), 'riskdeck-bench-snapshot-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// 1. The blob.
const blob = join(work, 'riskdeck.blob');
const started = performance.now();
const made = spawnSync(
  process.execPath,
  ['--snapshot-blob', blob, '--build-snapshot', join(root, 'bench/snapshot-entry.cjs')],
  {
    cwd: work,
    encoding: 'utf8',
    env: {
      ...process.env,
      RISKDECK_SNAPSHOT_BUNDLE: join(root, 'lib/bundle/worker-code.cjs'),
      RISKDECK_SNAPSHOT_WARM_UP: example,
    },
  },
);
if (made.status !== 0) throw new Error(`writing the blob failed: ${made.stderr}`);
const hop = join(root, 'bench/snapshot-hop.cjs');
const key = spawnSync(process.execPath, [hop, '--key'], { encoding: 'utf8' }).stdout;
console.log(
  `blob: ${(statSync(blob).size / 1e6).toFixed(1)} MB, written in ${Math.round(performance.now() - started)} ms (Node ${process.version})`,
);

// 2. The same bytes every way.
/** Every file under `dir`, by path, as one string of paths and bytes (equal trees give equal strings). */
function tree(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => `${relative(dir, path)}\0${readFileSync(path).toString('base64')}`);
}
const ways = {
  today: (file) => [process.execPath, [bin, 'build', file, '-q']],
  blob: (file) => [process.execPath, ['--snapshot-blob', blob, 'riskdeck', 'build', file, '-q']],
  'blob behind its parent': (file) => [process.execPath, [hop, blob, 'build', file, '-q']],
};
const env = { ...process.env, RISKDECK_SNAPSHOT_KEY: key };
const { SOURCE_DATE_EPOCH: _, ...inherited } = env;
const fixtures = [
  example,
  ...[
    'real-review-3.md',
    'real-review-4.md',
    'real-review-8.md',
    'cjk-missing-glyphs.yaml',
    'unicode-blocks.yaml',
    'every-field.md',
    'sixty-dimensions.yaml',
    'flow-8-systems.yaml',
  ].map((name) => join(root, 'test/fixtures/content', name)),
];
let files = 0;
for (const file of fixtures) {
  const trees = Object.entries(ways).map(([way, argv]) => {
    const cwd = join(work, 'same', way.replaceAll(' ', '-'), basename(file));
    mkdirSync(cwd, { recursive: true });
    const [command, args] = argv(file);
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: inherited });
    if (result.status !== 0) throw new Error(`${way} ${basename(file)}: exit ${result.status}: ${result.stderr}`);
    return tree(join(cwd, 'dist'));
  });
  if (new Set(trees.map((t) => t.join('\n'))).size !== 1) {
    throw new Error(`${basename(file)}: the outputs differ between the ways of building`);
  }
  files += trees[0].length;
}
console.log(`outputs: ${fixtures.length} content files, ${files} files each way, byte-identical`);

// 3. Cold runs.
function snapshotCase(name, file, way, extra = []) {
  const dir = mkdtempSync(join(work, 'cold-'));
  mkdirSync(join(dir, 'content'));
  copyFileSync(file, join(dir, 'content', basename(file)));
  const [command, args] = ways[way](`content/${basename(file)}`);
  return {
    name,
    run: () => timed(command, [...args, ...extra], { cwd: dir, env: inherited }),
    dispose: () => undefined,
  };
}
const cases = [];
for (const [label, file, extra] of [
  ['example', example, []],
  ['example, deck only', example, ['--only', 'deck']],
  ['real-review-4', review, []],
]) {
  for (const way of Object.keys(ways)) cases.push(snapshotCase(`${label} | ${way}`, file, way, extra));
}
const cold = interleaved(cases, Number(values.runs));
const ms = (x) => Math.round(x).toLocaleString('en');
console.log(
  `\ncold runs, ${values.runs} rounds interleaved, load average ${cold.load.min.toFixed(1)}–${cold.load.max.toFixed(1)}`,
);
console.log(
  '| case | way | wall median (min–max) | CPU median (min–max) | peak RSS |\n| --- | --- | --- | --- | ---: |',
);
for (const c of cases) {
  const s = cold.series[c.name];
  const [wall, cpu] = [stats(s.wall), stats(s.cpu)];
  const [label, way] = c.name.split(' | ');
  console.log(
    `| ${label} | ${way} | ${ms(wall.median)} ms (${ms(wall.min)}–${ms(wall.max)}) | ${ms(cpu.median)} ms (${ms(cpu.min)}–${ms(cpu.max)}) | ${ms(Math.max(...s.rss))} MB |`,
  );
}
