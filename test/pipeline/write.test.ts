import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelJson, type Output } from '../../src/outputs/render.js';
import { build } from '../../src/pipeline/build.js';
import { writeOutputFolder } from '../../src/pipeline/write.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-write-'));
  mkdirSync(join(dir, 'content'));
  cpSync('test/fixtures/content/minimal.yaml', join(dir, 'content/cmp.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hashTree = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return `${path.slice(root.length)} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    })
    .sort();

describe('atomic outputs', () => {
  it('leaves the previous outputs byte-identical when a later output throws midway', async () => {
    const extra: Output = () => [{ path: 'report.pdf', data: 'first' }];
    await build({ cwd: dir, outputs: [modelJson, extra] });
    const before = hashTree(join(dir, 'dist'));
    writeFileSync(
      join(dir, 'content/cmp.yaml'),
      readFileSync(join(dir, 'content/cmp.yaml'), 'utf8').replace('Minimal', 'Changed'),
    );
    const failing: Output = () => {
      throw new Error('the PDF step failed');
    };
    await expect(build({ cwd: dir, outputs: [modelJson, failing] })).rejects.toThrow('the PDF step failed');
    expect(hashTree(join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['cmp']);
  });

  it('keeps the named files of the previous output when only some outputs are rebuilt', async () => {
    const report: Output = () => [{ path: 'report.pdf', data: 'old report' }];
    const stale: Output = () => [{ path: 'stale.txt', data: 'gone next time' }];
    await build({ cwd: dir, outputs: [modelJson, report, stale] });
    await build({ cwd: dir, only: ['model'], keep: ['report.pdf'] });
    expect(readFileSync(join(dir, 'dist/cmp/report.pdf'), 'utf8')).toBe('old report');
    expect(existsSync(join(dir, 'dist/cmp/stale.txt'))).toBe(false);
    await build({ cwd: dir, outputs: [stale] });
    await build({ cwd: dir, only: ['model'], keep: ['*'] });
    expect(readdirSync(join(dir, 'dist/cmp')).sort()).toEqual(['model.json', 'stale.txt']);
  });

  it('leaves no staging folder behind when writing fails', async () => {
    await expect(writeOutputFolder(join(dir, 'dist'), 'x', [{ path: '../escape', data: 'no' }])).rejects.toThrow(
      'escapes the output folder',
    );
    expect(readdirSync(join(dir, 'dist'))).toEqual([]);
    expect(existsSync(join(dir, 'escape'))).toBe(false);
  });

  it('replaces a symlink planted in dist instead of writing through it', async () => {
    const victim = join(dir, 'victim');
    mkdirSync(victim);
    writeFileSync(join(victim, 'model.json'), 'precious');
    mkdirSync(join(dir, 'dist'));
    symlinkSync(victim, join(dir, 'dist/cmp'));
    await build({ cwd: dir, outputs: [modelJson] });
    expect(readFileSync(join(victim, 'model.json'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'dist/cmp')).isSymbolicLink()).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'dist/cmp/model.json'), 'utf8')).meta.title).toBe('Minimal comparison');
  });

  it('refuses two content files that would write the same output folder', async () => {
    cpSync('test/fixtures/content/minimal.yaml', join(dir, 'content/CMP.yml'));
    const results = await build({ cwd: dir, outputs: [modelJson] });
    expect(results.map((r) => r.error?.code)).toEqual(['OUTPUT_CONFLICT', 'OUTPUT_CONFLICT']);
    expect(existsSync(join(dir, 'dist/cmp'))).toBe(false);
  });
});

describe('folders left by a killed build', () => {
  it('removes staging folders of a process that is gone, puts back a cut swap, and leaves running builds alone', async () => {
    // The pid of a process that has exited: what `kill -9` during a write leaves behind.
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const dead = Number(child.stdout);
    const out = join(dir, 'dist');
    mkdirSync(join(out, `.cmp.tmp-${dead}-0a1b2c3d`, 'images'), { recursive: true });
    writeFileSync(join(out, `.cmp.tmp-${dead}-0a1b2c3d`, 'index.html'), 'half');
    mkdirSync(join(out, `.other.old-${dead}-0a1b2c3d`));
    writeFileSync(join(out, `.other.old-${dead}-0a1b2c3d`, 'model.json'), 'last good');
    // A build of another process still running (this test's parent) is not touched.
    mkdirSync(join(out, `.cmp.tmp-${process.ppid}-0a1b2c3d`));
    await writeOutputFolder(out, 'cmp', [{ path: 'model.json', data: '{}' }]);
    await writeOutputFolder(out, 'other', [{ path: 'model.json', data: '{}' }]);
    expect(readdirSync(out).sort()).toEqual([`.cmp.tmp-${process.ppid}-0a1b2c3d`, 'cmp', 'other'].sort());
  });

  it('restores the last good folder when the swap was cut between its renames', async () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const out = join(dir, 'dist');
    mkdirSync(join(out, `.cmp.old-${child.stdout}-0a1b2c3d`), { recursive: true });
    writeFileSync(join(out, `.cmp.old-${child.stdout}-0a1b2c3d`, 'model.json'), 'last good');
    // The next build of it fails before its swap: the last good outputs are back in place, not lost.
    await expect(writeOutputFolder(out, 'cmp', [{ path: '../escape', data: 'x' }])).rejects.toThrow();
    expect(readdirSync(out)).toEqual(['cmp']);
    expect(readFileSync(join(out, 'cmp/model.json'), 'utf8')).toBe('last good');
  });
});
