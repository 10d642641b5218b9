// Synthetic comparisons by size: the phase table (in process, one fresh process per size) and the CLI on
// 8 × 200 and 8 × 1,000 (whole cold runs, interleaved so the growth ratio is measured under one load).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleaved, riskdeckCase, stats } from './cold.mjs';
import { syntheticContent } from './synthetic.mjs';

const ms = (x) => (x === undefined ? '—' : x < 10 ? x.toFixed(1) : String(Math.round(x)));

/** The table of phases per size, as text, and its rows. */
export function phaseTable(rows) {
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
  return { text: [line(header), ...table.map(line)].join('\n'), rows };
}

/** `riskdeck build` of 8 × 200 and 8 × 1,000: wall, CPU and peak RSS per run, and the growth between them. */
export function bigCases(root, bin, runs) {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-big-'));
  try {
    const cases = [
      [8, 200],
      [8, 1000],
    ].map(([systems, threats]) => {
      const file = join(dir, `synthetic-${systems}x${threats}.yaml`);
      writeFileSync(file, syntheticContent(systems, threats));
      return riskdeckCase(`${systems}x${threats}`, root, bin, file);
    });
    // No warm-up round: each of these runs for seconds, far longer than reading the files cold takes.
    const { series, load } = interleaved(cases, runs, false);
    const sizes = Object.fromEntries(
      Object.entries(series).map(([name, s]) => [name, { wall: stats(s.wall), cpu: stats(s.cpu), rss: stats(s.rss) }]),
    );
    return { sizes, load, growth: sizes['8x1000'].wall.median / sizes['8x200'].wall.median };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
