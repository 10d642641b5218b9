import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticContent } from '../../bench/synthetic.mjs';
import { planBuild } from '../../src/pipeline/plan.js';
import { BuildPool, buildParallel } from '../../src/pipeline/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'riskdeck-pool-'));
mkdirSync(join(dir, 'content'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('building on worker threads', () => {
  it('builds several files on two threads with the same results as in process', async () => {
    for (const name of ['a', 'b', 'c']) cpSync('test/fixtures/content/minimal.yaml', join(dir, `content/${name}.yaml`));
    const seen: string[] = [];
    const results = await buildParallel({ cwd: dir }, 2, (r, done, total) => seen.push(`${done}/${total} ${r.file}`));
    expect(results.map((r) => [r.file, r.error])).toEqual([
      ['content/a.yaml', undefined],
      ['content/b.yaml', undefined],
      ['content/c.yaml', undefined],
    ]);
    expect(seen).toHaveLength(3);
    expect(seen.map((s) => s.split(' ')[0])).toEqual(['1/3', '2/3', '3/3']);
    expect(JSON.parse(readFileSync(join(dir, 'dist/b/model.json'), 'utf8')).meta.title).toBe('Minimal comparison');
  });

  it('returns content errors from a worker with their places', async () => {
    writeFileSync(join(dir, 'content/bad.yaml'), 'title: [unclosed\n');
    const [result] = await buildParallel({ cwd: dir, files: ['content/bad.yaml'] }, 1);
    expect(result?.error?.code).toBe('CONTENT_INVALID');
    expect(result?.error?.issues[0]).toMatchObject({ file: 'content/bad.yaml', line: 2 });
    rmSync(join(dir, 'content/bad.yaml'));
  });

  it('stops a build that runs past its time limit and keeps the previous outputs', async () => {
    const file = join(dir, 'content/big.yaml');
    writeFileSync(file, syntheticContent(2, 10));
    const options = { cwd: dir, files: ['content/big.yaml'] };
    await buildParallel(options, 1);
    const before = sha(join(dir, 'dist/big/model.json'));
    writeFileSync(file, syntheticContent(8, 200));
    const limits = { baseMs: 30, msPerKilobyte: 0, maxOldGenerationSizeMb: 1024, mbPerKilobyte: 0, wallFactor: 1e5 };
    const pool = new BuildPool(1, limits);
    const { jobs } = await planBuild(options);
    const [result] = await pool.run(jobs, options);
    await pool.close();
    expect(result?.error?.code).toBe('LIMIT_EXCEEDED');
    expect(result?.error?.message).toContain('content/big.yaml:1:1  the build used more than 0.03 s of CPU time');
    expect(sha(join(dir, 'dist/big/model.json'))).toBe(before);
  });

  it('stops a build that waits past its wall-clock backstop without blaming the content', async () => {
    writeFileSync(join(dir, 'content/slow.yaml'), syntheticContent(2, 10));
    const options = { cwd: dir, files: ['content/slow.yaml'] };
    // 60 s of CPU allowed, but only 60 ms of wall clock: what a machine too busy to run the build looks like.
    const limits = {
      baseMs: 60_000,
      msPerKilobyte: 0,
      maxOldGenerationSizeMb: 1024,
      mbPerKilobyte: 0,
      wallFactor: 1e-3,
    };
    const pool = new BuildPool(1, limits);
    const { jobs } = await planBuild(options);
    const [result] = await pool.run(jobs, options);
    await pool.close();
    expect(result?.error?.code).toBe('LIMIT_EXCEEDED');
    expect(result?.error?.message).toMatch(/did not finish within \d+ s .*the machine may be too busy/);
    expect(result?.error?.message).not.toMatch(/too large|nested/);
  });

  it('stops a build that needs more memory than its limit', async () => {
    writeFileSync(join(dir, 'content/huge.yaml'), syntheticContent(8, 1000));
    const options = { cwd: dir, files: ['content/huge.yaml'] };
    const pool = new BuildPool(1, { baseMs: 60_000, msPerKilobyte: 0, maxOldGenerationSizeMb: 24, mbPerKilobyte: 0 });
    const { jobs } = await planBuild(options);
    const [result] = await pool.run(jobs, options);
    await pool.close();
    expect(result?.error?.code).toBe('LIMIT_EXCEEDED');
    expect(result?.error?.message).toContain('needed more than 24 MB');
  });
});
