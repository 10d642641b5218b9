// riskdeck benchmark: builds synthetic comparisons of growing size and prints time per phase, peak
// memory, pages and slides; then the cold start of the CLI and the warm rebuild inside `riskdeck dev`.
// Usage: npm run bench [-- --sizes 2x10,4x50 --runs 3] (or `-- --corpus`: only the hostile corpus, slowest case).
// Results also go to bench/results/<date>.json; the hostile corpus is timed last (build and validate per file).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusLine, corpusTimes } from './corpus.mjs';
import { syntheticContent } from './synthetic.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'lib/cli/bin.js');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2x10,4x50,8x200,8x1000' },
    runs: { type: 'string', default: '5' },
    child: { type: 'string' },
    corpus: { type: 'boolean', default: false },
  },
});

if (values.corpus) {
  // `npm run bench -- --corpus`: only the hostile corpus.
  console.log(corpusLine(corpusTimes(root, bin)));
  process.exit(0);
}

if (values.child) {
  // One size in a fresh process, so that peak RSS belongs to that size alone.
  const { measureSize } = await import('./phases.mjs');
  const [systems, threats] = values.child.split('x').map(Number);
  process.stdout.write(JSON.stringify(await measureSize(systems, threats)));
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(1) : String(Math.round(x)));

function sizeRow(size) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', size], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

function coldStart(runs) {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-'));
  const times = [];
  try {
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/runc-vs-kata.md'), readFileSync(join(root, 'content/runc-vs-kata.md')));
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      execFileSync(process.execPath, [bin, 'build', 'content/runc-vs-kata.md', '--quiet'], { cwd: dir, stdio: 'pipe' });
      times.push(performance.now() - started);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

/** The built CLI on a synthetic comparison: wall time and the process's peak RSS (worker threads included). */
function cliBuild(systems, threats) {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-cli-'));
  try {
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/synthetic.yaml'), syntheticContent(systems, threats));
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--import', join(root, 'bench/rss-probe.mjs'), bin, 'build', '-q'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const wall = performance.now() - started;
    if (result.status !== 0) throw new Error(result.stderr);
    return { wall, peakRssMb: Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts `riskdeck dev`, saves an edit N times, and times save → "rebuilt" event for the deck and the PDF. */
async function warmRebuild(runs) {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-dev-'));
  mkdirSync(join(dir, 'content'));
  const file = join(dir, 'content/runc-vs-kata.md');
  const original = readFileSync(join(root, 'content/runc-vs-kata.md'), 'utf8');
  writeFileSync(file, original);
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const waitFor = (check, timeout = 30_000) =>
    new Promise((done, fail) => {
      const started = Date.now();
      const tick = () => {
        const value = check();
        if (value) return done(value);
        if (Date.now() - started > timeout) return fail(new Error('timed out'));
        setTimeout(tick, 2);
      };
      tick();
    });
  const events = [];
  try {
    const base = await waitFor(() => /serving (http:\/\/[^/\s]+)\//.exec(stdout)?.[1]);
    await new Promise((ready) =>
      get(`${base}/__riskdeck/events`, (res) => {
        res.on('data', (chunk) => {
          for (const block of String(chunk).split('\n\n')) {
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event) events.push({ event, data: data ? JSON.parse(data) : {}, at: performance.now() });
          }
        });
        ready();
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const deck = [];
    const pdf = [];
    for (let i = 0; i < runs; i++) {
      const seen = events.length;
      const saved = performance.now();
      writeFileSync(file, original.replace('version: "1.0"', `version: "1.0.${i + 1}"`));
      const reload = await waitFor(() => events.slice(seen).find((e) => e.event === 'reload'));
      const report = await waitFor(() => events.slice(seen).find((e) => e.event === 'report'));
      deck.push(reload.at - saved);
      pdf.push(report.at - saved);
      await new Promise((r) => setTimeout(r, 150));
    }
    return { deck: median(deck), pdf: median(pdf), runs, note: 'includes the 10 ms debounce after the save' };
  } finally {
    child.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = values.sizes.split(',');
const runs = Number(values.runs);
const rows = sizes.map((size) => ({ size, ...sizeRow(size) }));
const phases = [...new Set(rows.flatMap((r) => Object.keys(r.phases)))];
const header = ['size', ...phases, 'total ms', 'peak RSS MB', 'pages', 'slides', 'input KB'];
const table = rows.map((r) => [
  r.size,
  ...phases.map((p) => ms(r.phases[p])),
  ms(r.total),
  String(Math.round(r.peakRssMb)),
  String(r.pages ?? '—'),
  String(r.slides ?? '—'),
  String(Math.round(r.inputBytes / 1024)),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(line(header));
for (const row of table) console.log(line(row));

const cli = cliBuild(8, 200);
console.log(
  `\n\`riskdeck build\` of 8x200 (the CLI, one worker): ${ms(cli.wall)} ms, peak RSS ${Math.round(cli.peakRssMb)} MB`,
);
const cold = coldStart(runs);
console.log(
  `\ncold \`riskdeck build content/runc-vs-kata.md\`: median ${ms(cold.median)} ms (min ${ms(cold.min)}, max ${ms(cold.max)}, ${runs} runs)`,
);
const warm = await warmRebuild(runs);
console.log(
  `warm rebuild in \`riskdeck dev\`: save → deck ${ms(warm.deck)} ms, save → PDF ${ms(warm.pdf)} ms (median of ${runs}; ${warm.note})`,
);
const big = rows.find((r) => r.size === '8x1000');
const mid = rows.find((r) => r.size === '8x200');
if (big && mid) console.log(`growth 8x1000 / 8x200: ${(big.total / mid.total).toFixed(2)}× for 5× the threats`);
const corpus = corpusTimes(root, bin);
console.log(corpusLine(corpus));

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: 2,
  sizes: rows,
  cli8x200: cli,
  cold,
  warm,
  corpus: { files: corpus.files, slowest: corpus.slowest, hungriest: corpus.hungriest },
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
const out = join(root, 'bench/results', `${results.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults: ${out}`);
