import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve('lib/bundle/bin.cjs');
const PROBE = resolve('bench/rss-probe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bounds-'));
mkdirSync(join(dir, 'content'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Inputs built to exhaust time or memory. Each must be refused by the cheap check named here, before the
 * slow step it targets: that, not the clock, shows that the bomb was defused (a build stopped by the worker's
 * time limit says something else). The wall-clock bound is only a backstop against a hang: 10x the slowest
 * refusal measured on two busy cores (3.4 s). `npm run bench -- --corpus` measures the corpus's times.
 */
const WALL_MS = 35_000;
const RSS_MB = 200;
const NESTING = /nests lists or quotes deeper than riskdeck allows/;
const MARKERS = /has a paragraph with more than 2000 Markdown markers/;
const REASON: Record<string, RegExp> = {
  'yaml-alias-bomb.yaml': /the aliases expand to more than 100 copies/,
  'yaml-deep-nesting.yaml': /the YAML is nested too deeply to read/,
  'markdown-quadratic-emphasis.md': MARKERS,
  'markdown-quadratic-brackets.md': MARKERS,
  'markdown-deep-quotes.md': NESTING,
  'markdown-deep-lists.md': NESTING,
  'html-deep-nesting.md': MARKERS,
  'ten-megabyte-line.yaml': /content files are limited to 8000000 bytes/,
  'ten-thousand-quotes.md': NESTING,
  'ten-thousand-lists.md': NESTING,
  'ten-thousand-flow-levels.yaml': /the YAML is nested too deeply to read/,
  'four-thousand-indent-levels.yaml': /the YAML is nested too deeply to read/,
  'ten-thousand-compact-keys.yaml': /the YAML is nested too deeply to read/,
  'twenty-thousand-threats.yaml': /more than 15000 list items and \{ \} \/ \[ \] collections/,
  'twenty-thousand-sections.md': /the Markdown body has 20000 sections; the limit is 200/,
  'thirty-thousand-words.md': /has more than 5000 words without a blank line/,
};

const generated: Record<string, string> = {
  'ten-megabyte-line.yaml': `title: ${'x'.repeat(10_000_000)}\n`,
  'ten-thousand-quotes.md': `---\ntitle: x\n---\n\n## Deep\n\n${'>'.repeat(10_000)} deep\n`,
  'ten-thousand-lists.md': `---\ntitle: x\n---\n\n## Deep\n\n${'- '.repeat(10_000)}deep\n`,
  'ten-thousand-flow-levels.yaml': `title: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  // 7.6 MB, under the size limit: one key per line, each indented one space more (0.77 GB parsed).
  'four-thousand-indent-levels.yaml': `title:\n${Array.from({ length: 3_900 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n${' '.repeat(3_901)}k: x\n`,
  'ten-thousand-compact-keys.yaml': `title:\n  ${'? '.repeat(10_000)}x\n`,
  'twenty-thousand-threats.yaml': `title: x\nthreats:\n${'  - id: t\n    title: T\n    assessments: {}\n'.repeat(20_000)}`,
  'twenty-thousand-sections.md': `---\ntitle: x\n---\n\n${'## S\n\nText.\n\n'.repeat(20_000)}`,
  'thirty-thousand-words.md': `---\ntitle: x\n---\n\n## Long\n\n${'word '.repeat(30_000)}\n`,
};
const corpus = [
  'yaml-alias-bomb.yaml',
  'yaml-deep-nesting.yaml',
  'markdown-quadratic-emphasis.md',
  'markdown-quadratic-brackets.md',
  'markdown-deep-quotes.md',
  'markdown-deep-lists.md',
  'html-deep-nesting.md',
];

async function timedBuild(file: string, command = 'build') {
  const started = performance.now();
  const result = await run(process.execPath, ['--import', PROBE, BIN, command, `content/${file}`], {
    cwd: dir,
    maxBuffer: 16 << 20,
  }).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  const wall = performance.now() - started;
  const rss = Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]) / 1024;
  return { ...result, wall, rss };
}

describe('time and memory bounds on hostile input (built CLI)', () => {
  it.each([...corpus, ...Object.keys(generated)])(
    '%s is refused by its check, with its file and line, within 200 MB',
    async (file) => {
      if (file in generated) writeFileSync(join(dir, 'content', file), generated[file] ?? '');
      else copyFileSync(resolve('test/hostile/corpus', file), join(dir, 'content', file));
      const { code, stderr, wall, rss } = await timedBuild(file);
      expect(code, stderr).toBe(1);
      expect(stderr).toMatch(new RegExp(`content/${file.replace('.', '\\.')}:\\d+:\\d+`));
      expect(stderr).toMatch(REASON[file] ?? /no reason listed for this file/);
      expect(wall, `${file}: ${Math.round(wall)} ms`).toBeLessThan(WALL_MS);
      expect(rss, `${file}: ${Math.round(rss)} MB`).toBeLessThan(RSS_MB);
    },
  );

  // validate reads content on the build's worker, under the same limits: the same bounds hold.
  it.each([...corpus, ...Object.keys(generated)])(
    'validate refuses %s by its check, with its place, within 200 MB',
    async (file) => {
      if (file in generated) writeFileSync(join(dir, 'content', file), generated[file] ?? '');
      else copyFileSync(resolve('test/hostile/corpus', file), join(dir, 'content', file));
      const { code, stderr, wall, rss } = await timedBuild(file, 'validate');
      expect(code, stderr).toBe(1);
      expect(stderr).toMatch(new RegExp(`content/${file.replace('.', '\\.')}:\\d+:\\d+`));
      expect(stderr).toMatch(REASON[file] ?? /no reason listed for this file/);
      expect(wall, `${file}: ${Math.round(wall)} ms`).toBeLessThan(WALL_MS);
      expect(rss, `${file}: ${Math.round(rss)} MB`).toBeLessThan(RSS_MB);
    },
  );
});
