// `npm run mutate [-- src/a.ts src/b.ts]`: Stryker over each module of stryker.config.mjs in turn, one report.
//
// One run over all modules takes hours on two cores: a static mutant (a module-level constant such as a
// regular expression or the sanitizer's allow-list) runs every test related to any mutated file, 37 s per
// mutant here. Run one module at a time, each mutant meets only the tests related to its own file — the only
// tests that can see it — and the whole takes tens of minutes. The reports are merged into
// reports/mutation/mutation.json; the exit code is 1 when the overall score is below the break threshold.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../stryker.config.mjs';

const modules = process.argv.length > 2 ? process.argv.slice(2) : config.mutate;
const report = config.jsonReporter.fileName;
const merged = { schemaVersion: '1.0', thresholds: config.thresholds, files: {} };
const KILLED = new Set(['Killed', 'Timeout']);
const LIVE = new Set(['Survived', 'NoCoverage']);

const score = (mutants) => {
  const killed = mutants.filter((m) => KILLED.has(m.status)).length;
  const valid = killed + mutants.filter((m) => LIVE.has(m.status)).length;
  return { killed, valid, percent: valid === 0 ? 100 : (100 * killed) / valid };
};

for (const file of modules) {
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', '--mutate', file, '--reporters', 'json,clear-text'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // A module below the threshold exits 1; the threshold applies to the whole, checked below.
  if (run.status !== 0 && run.status !== 1) throw new Error(`stryker stopped on ${file} (exit ${run.status})`);
  const files = JSON.parse(readFileSync(report, 'utf8')).files;
  Object.assign(merged.files, files);
  const s = score(Object.values(files).flatMap((f) => f.mutants));
  console.log(
    `mutate: ${file} ${s.percent.toFixed(1)} % (${s.killed}/${s.valid}) in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

mkdirSync(join(report, '..'), { recursive: true });
writeFileSync(report, JSON.stringify(merged));
const rows = Object.entries(merged.files).map(([file, f]) => ({ file, ...score(f.mutants) }));
const all = score(Object.values(merged.files).flatMap((f) => f.mutants));
for (const r of rows)
  console.log(`${r.percent.toFixed(1).padStart(6)} %  ${String(r.killed).padStart(4)}/${r.valid}  ${r.file}`);
console.log(`${all.percent.toFixed(1).padStart(6)} %  ${String(all.killed).padStart(4)}/${all.valid}  all modules`);
if (all.percent < config.thresholds.break) {
  console.error(`mutate: the score ${all.percent.toFixed(1)} % is below the ${config.thresholds.break} % required`);
  process.exitCode = 1;
}
