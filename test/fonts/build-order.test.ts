import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-build-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Comparisons whose reports make the glyph of "." without its character (by a substitution) before any text asks
 * for "." by its character; then one that prints "." in text. Before the fix, the last report's ToUnicode map
 * lost "." (copy-paste and search broke) and its bytes depended on what the process had built before it.
 */
const BEFORE = ['test/fixtures/content/diff-v1.yaml', 'test/fixtures/content/cjk-title.yaml'];
const LAST = 'test/fixtures/content/directive-injection.md';
const BUILD = pathToFileURL(resolve('lib/pipeline/build.js')).href;

/** Builds `files` in order in one fresh Node process (the compiled library, as the CLI's worker runs it). */
function reportHash(files: string[], out: string): string {
  const script = `const { build } = await import(${JSON.stringify(BUILD)});
const results = await build(${JSON.stringify({ files: files.map((f) => resolve(f)), outDir: join(dir, out), cwd: dir, only: ['report'], sourceDateEpoch: '1700000000' })});
for (const r of results) if (r.error) throw r.error;`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
  return createHash('sha256')
    .update(readFileSync(join(dir, out, 'directive-injection', 'report.pdf')))
    .digest('hex');
}

describe('a report does not depend on what the same process built before it', () => {
  it('gives the same bytes built alone and built after other comparisons in one process', () => {
    expect(reportHash([...BEFORE, LAST], 'after')).toBe(reportHash([LAST], 'alone'));
  }, 300_000);
});
