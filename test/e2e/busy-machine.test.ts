import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { riskdeck } from '../cli/helpers.js';
import { comparisonYaml } from '../helpers/comparisons.js';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-busy-'));
const hogs: ChildProcess[] = [];
afterAll(() => {
  for (const hog of hogs) hog.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A valid comparison of at least `bytes`, shaped like a real review (4 systems, many threats). */
function comparisonOf(bytes: number): string {
  for (let threats = 10; ; threats += 5) {
    const text = comparisonYaml({ systems: 4, threats, references: 50, steps: 8 });
    if (text.length >= bytes) return text;
  }
}

describe('a build on a machine whose cores are all busy', () => {
  it('builds a valid 75 KB comparison (the time limit counts CPU, not the wall clock)', async () => {
    mkdirSync(join(dir, 'content'));
    const source = comparisonOf(75_000);
    expect(source.length).toBeGreaterThanOrEqual(75_000);
    writeFileSync(join(dir, 'content/large-review.yaml'), source);
    // One busy loop per core, in other processes, for the whole build.
    for (let i = 0; i < Math.max(2, availableParallelism()); i++) {
      hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    }
    const run = await riskdeck(['build', 'content/large-review.yaml'], { cwd: dir, timeoutMs: 600_000 });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'dist/large-review/report.pdf'))).toBe(true);
  }, 620_000);
});
