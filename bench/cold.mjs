// Cold runs of whole commands, each in a fresh process: riskdeck's CLI and Marp CLI, interleaved run by run
// so that every case sees the same load of the (shared) machine, and ratios between them mean something.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The middle value (of an even count, the mean of the two in the middle). */
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/** Median, min and max of a series. */
export function stats(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length };
}

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

/**
 * One process: wall ms; CPU ms (user + system) of it and every process it waited for (Marp's Chromium
 * included), and its peak RSS MB, from GNU time (Debian's `time` package; without it, riskdeck's own probe).
 */
export function timed(command, args, options) {
  const started = performance.now();
  const [file, argv] = hasTime ? [TIME, ['-f', 'bench-time %U %S %M', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${basename(command)} ${args.join(' ')}: ${result.stderr}`);
  const time = /^bench-time ([\d.]+) ([\d.]+) (\d+)$/m.exec(result.stderr);
  if (time) return { wall, cpu: (Number(time[1]) + Number(time[2])) * 1000, rss: Number(time[3]) / 1024 };
  const rss = /maxrss-kb=(\d+)/.exec(result.stderr)?.[1];
  const cpu = /cpu-us=(\d+)/.exec(result.stderr)?.[1];
  return { wall, cpu: cpu && Number(cpu) / 1000, rss: rss && Number(rss) / 1024 };
}

/** A riskdeck case: `riskdeck build <file> [extra…]` in its own folder, the built CLI as `riskdeck` runs it. */
export function riskdeckCase(name, root, bin, file, extra = []) {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-cold-'));
  mkdirSync(join(dir, 'content'));
  copyFileSync(file, join(dir, 'content', basename(file)));
  const args = [
    '--import',
    join(root, 'bench/rss-probe.mjs'),
    bin,
    'build',
    `content/${basename(file)}`,
    '-q',
    ...extra,
  ];
  return {
    name,
    run: () => timed(process.execPath, args, { cwd: dir }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Marp CLI's Markdown → PDF through Debian's Chromium (nothing downloads; as root it adds --no-sandbox itself). */
export function marpCase(root, deck) {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-marp-'));
  copyFileSync(deck, join(dir, 'deck.md'));
  const marp = join(root, 'node_modules/@marp-team/marp-cli/marp-cli.js');
  const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' };
  const args = [marp, '--pdf', '--no-stdin', 'deck.md', '-o', 'deck.pdf'];
  return {
    name: 'marp',
    run: () => timed(process.execPath, args, { cwd: dir, env }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs every case `runs` times, round-robin (case order rotated each round), after one untimed warm-up round
 * that fills the file cache (unless `warmUp` is false). Returns per case the series of wall, CPU and RSS, and
 * the load average seen.
 */
export function interleaved(cases, runs, warmUp = true) {
  const series = Object.fromEntries(cases.map((c) => [c.name, { wall: [], cpu: [], rss: [] }]));
  const load = [loadavg()[0]];
  try {
    if (warmUp) for (const c of cases) c.run();
    for (let round = 0; round < runs; round++) {
      const order = cases.map((_, i) => cases[(i + round) % cases.length]);
      for (const c of order) {
        const { wall, cpu, rss } = c.run();
        series[c.name].wall.push(wall);
        if (cpu !== undefined) series[c.name].cpu.push(cpu);
        if (rss !== undefined) series[c.name].rss.push(rss);
      }
      load.push(loadavg()[0]);
    }
  } finally {
    for (const c of cases) c.dispose();
  }
  return { series, load: stats(load) };
}
