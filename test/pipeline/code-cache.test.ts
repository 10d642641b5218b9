import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFile, runBundle, writeCodeCache } from '../../src/pipeline/code-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle as scripts/bundle.mjs writes one: CommonJS text, then the id line. */
function writeBundle(name: string, text: string): string {
  const file = join(dir, name);
  const id = createHash('sha256').update(text).digest('hex');
  writeFileSync(file, `${text}//# riskdeck-bundle ${id}\n`);
  return file;
}

describe('running a bundle with its code cache', () => {
  it('runs CommonJS with require, module and __filename, and takes the cache written after a run', () => {
    const text = 'module.exports.answer = require("node:path").basename(__filename) + ":" + (6 * 7);\n';
    const file = writeBundle('a.cjs', text);
    const first = runBundle(file);
    expect(first.cache).toBe('absent');
    expect(writeCodeCache(first)).toBeGreaterThan(0);
    expect(runBundle(file).cache).toBe('accepted');
  });

  it('refuses a cache made for other text of the same length, and still runs the text', () => {
    const file = writeBundle('b.cjs', 'globalThis.__riskdeckCacheTest = 1;\n');
    writeCodeCache(runBundle(file));
    const cache = readFileSync(cacheFile(file));
    // Same length, other code: V8 alone would check only the length.
    writeBundle('b.cjs', 'globalThis.__riskdeckCacheTest = 2;\n');
    writeFileSync(cacheFile(file), cache);
    const second = runBundle(file);
    expect(second.cache).toBe('absent');
    expect((globalThis as { __riskdeckCacheTest?: number }).__riskdeckCacheTest).toBe(2);
  });

  it('runs a bundle without an id line, uncached', () => {
    const file = join(dir, 'c.cjs');
    writeFileSync(file, 'module.exports = 1;\n');
    expect(runBundle(file)).toMatchObject({ cache: 'absent', id: undefined });
    expect(() => writeCodeCache(runBundle(file))).toThrow(/no riskdeck-bundle id line/);
  });
});
