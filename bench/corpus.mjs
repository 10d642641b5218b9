// The hostile corpus through the built CLI, one file per process: wall time and peak RSS (worker threads
// included) of `build` and of `validate`, so that the slowest case of the corpus is a number the bench keeps.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function corpusTimes(root, bin) {
  const corpus = join(root, 'test/hostile/corpus');
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-corpus-'));
  const rows = [];
  try {
    mkdirSync(join(dir, 'content'));
    for (const file of readdirSync(corpus).sort()) {
      copyFileSync(join(corpus, file), join(dir, 'content', file));
      for (const command of ['build', 'validate']) {
        const started = performance.now();
        const result = spawnSync(
          process.execPath,
          [
            '--import',
            join(root, 'bench/rss-probe.mjs'),
            bin,
            command,
            `content/${file}`,
            ...(command === 'build' ? ['-q'] : []),
          ],
          { cwd: dir, encoding: 'utf8' },
        );
        const wall = performance.now() - started;
        const peakRssMb = Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]) / 1024;
        rows.push({ file, command, wall, peakRssMb, exit: result.status });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const slowest = rows.reduce((a, b) => (b.wall > a.wall ? b : a));
  const hungriest = rows.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
  return { files: rows.length / 2, slowest, hungriest, rows };
}

export function corpusLine({ files, slowest, hungriest }) {
  const ms = (x) => String(Math.round(x));
  return (
    `hostile corpus (${files} files, build and validate each): slowest ${slowest.command} ${slowest.file} ` +
    `${ms(slowest.wall)} ms (exit ${slowest.exit}); highest peak RSS ${Math.round(hungriest.peakRssMb)} MB ` +
    `(${hungriest.command} ${hungriest.file})`
  );
}
