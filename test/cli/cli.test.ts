import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree } from '../helpers/cli.js';

const run = promisify(execFile);
const BIN = resolve('lib/bundle/bin.cjs');
const FAIL_WRITE = resolve('test/fixtures/hooks/fail-write.mjs');
let dir: string;

/** `riskdeck(...args)` runs the built CLI; node options (`--import`) go before BIN and name it themselves. */
async function riskdeck(...args: string[]) {
  const argv = args[0]?.startsWith('--import') ? args : [BIN, ...args];
  try {
    const { stdout, stderr } = await run(process.execPath, argv, { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-cli-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  cpSync('test/fixtures/content/four-errors.md', join(dir, 'four-errors.md'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('riskdeck (built CLI)', () => {
  it('validates the shipped content', async () => {
    const result = await riskdeck('validate', 'content/runc-vs-kata.md');
    expect(result).toMatchObject({ code: 0, stdout: 'content/runc-vs-kata.md: ok\n' });
  });

  it('reports every error of a broken file with file:line:column and exits 1', async () => {
    const result = await riskdeck('validate', 'four-errors.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('four-errors.md:7:1  duplicate key "classification"');
    expect(result.stderr).toContain('four-errors.md:17:5  threats[0].descripton: unknown field');
    expect(result.stderr).toContain('four-errors.md:21:21  threats[0].assessments.runc.likelihood: is 9');
    expect(result.stderr).toContain('four-errors.md:23:7  threats[0].assessments.kvm: unknown system "kvm"');
    expect(result.stderr).toContain('four-errors.md: 4 errors');
  });

  it('prints a JSON Schema that editors can use', async () => {
    const result = await riskdeck('schema');
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown>; required: string[] };
    expect(result.code).toBe(0);
    expect(Object.keys(schema.properties)).toContain('systems');
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'systems', 'threats']));
  });

  it('builds every content file into dist/<name>/ by default', async () => {
    const result = await riskdeck('build');
    expect(result.code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'dist/runc-vs-kata/model.json'), 'utf8'));
    expect(model.meta.title).toBe('Security Comparison: `runc` Containers vs. Kata Containers');
    expect(model.threats).toHaveLength(3);
  });

  it('keeps the last good output when the content has errors (refused before anything is written)', async () => {
    const out = join(dir, 'dist/runc-vs-kata/model.json');
    await riskdeck('build');
    const before = readFileSync(out);
    cpSync('test/fixtures/content/four-errors.md', join(dir, 'content/runc-vs-kata.md'));
    const result = await riskdeck('build', 'content/runc-vs-kata.md');
    expect(result.code).toBe(1);
    expect(readFileSync(out)).toEqual(before);
    cpSync('content/runc-vs-kata.md', join(dir, 'content/runc-vs-kata.md'));
  });

  it('keeps the last good outputs byte-identical when a build fails while writing them', async () => {
    const outputs = join(dir, 'dist/runc-vs-kata');
    expect((await riskdeck('build', 'content/runc-vs-kata.md')).code).toBe(0);
    const before = hashTree(outputs);
    const edited = readFileSync('content/runc-vs-kata.md', 'utf8').replace(/^title: .*$/m, 'title: Edited');
    writeFileSync(join(dir, 'content/runc-vs-kata.md'), edited);
    // The new outputs render, then writing them fails half-way (a full disk, injected at the OS call).
    const result = await riskdeck('--import', FAIL_WRITE, BIN, 'build', 'content/runc-vs-kata.md');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('ENOSPC');
    expect(hashTree(outputs)).toEqual(before);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['runc-vs-kata']);
    cpSync('content/runc-vs-kata.md', join(dir, 'content/runc-vs-kata.md'));
    expect((await riskdeck('build', 'content/runc-vs-kata.md')).code).toBe(0);
    expect(hashTree(outputs)).toEqual(before);
  });

  it('answers usage errors with exit 2 and help with exit 0', async () => {
    expect((await riskdeck('frobnicate')).code).toBe(2);
    expect((await riskdeck('build', '--no-such-flag')).code).toBe(2);
    const help = await riskdeck('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('riskdeck validate');
    expect((await riskdeck('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
