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
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelJson, type Output } from '../../src/outputs/render.js';
import { build } from '../../src/pipeline/build.js';
import { recoverOutputFolder, writeOutputFolder } from '../../src/pipeline/write.js';

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

describe('the swap of one output folder', () => {
  const tree = (root: string) =>
    Object.fromEntries(
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [
          join(e.parentPath, e.name).slice(root.length + 1),
          readFileSync(join(e.parentPath, e.name), 'utf8'),
        ]),
    );

  it('writes nested files and copies, and replaces the whole previous folder', async () => {
    const out = join(dir, 'dist');
    writeFileSync(join(dir, 'font.woff2'), 'font bytes');
    await writeOutputFolder(out, 'cmp', [
      { path: 'index.html', data: 'deck one' },
      { path: 'old-only.txt', data: 'from the first build' },
    ]);
    const target = await writeOutputFolder(out, 'cmp', [
      { path: 'index.html', data: 'deck two' },
      { path: 'assets/fonts/regular.woff2', copyOf: join(dir, 'font.woff2') },
      { path: 'report.pdf', data: Buffer.from([0x25, 0x50, 0x44, 0x46]) },
    ]);
    expect(target).toBe(join(out, 'cmp'));
    expect(tree(target)).toEqual({
      'index.html': 'deck two',
      [join('assets', 'fonts', 'regular.woff2')]: 'font bytes',
      'report.pdf': '%PDF',
    });
    // Nothing of the swap is left beside it.
    expect(readdirSync(out)).toEqual(['cmp']);
  });

  it('refuses two outputs that claim the same file, keeping the last good folder', async () => {
    const out = join(dir, 'dist');
    await writeOutputFolder(out, 'cmp', [{ path: 'model.json', data: 'last good' }]);
    await expect(
      writeOutputFolder(out, 'cmp', [
        { path: 'model.json', data: 'one' },
        { path: 'model.json', data: 'two' },
      ]),
    ).rejects.toThrow(/EEXIST/);
    expect(readdirSync(out)).toEqual(['cmp']);
    expect(tree(join(out, 'cmp'))).toEqual({ 'model.json': 'last good' });
  });

  it('replaces a file planted where the output folder goes', async () => {
    const out = join(dir, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'cmp'), 'in the way');
    await writeOutputFolder(out, 'cmp', [{ path: 'model.json', data: '{}' }]);
    expect(tree(join(out, 'cmp'))).toEqual({ 'model.json': '{}' });
  });

  it('says in one line where it cannot write and how to fix it', async () => {
    writeFileSync(join(dir, 'not-a-folder'), '');
    const failure = writeOutputFolder(join(dir, 'not-a-folder'), 'cmp', [{ path: 'model.json', data: '{}' }]);
    await expect(failure).rejects.toMatchObject({
      code: 'IO',
      message: `cannot write the outputs to ${join(dir, 'not-a-folder')} (ENOTDIR: ${join(dir, 'not-a-folder')} is not a folder); choose another --out`,
    });
  });
});

describe('folders left by this process when it stops a build', () => {
  const out = () => join(dir, 'dist');
  const folder = (name: string, content: string) => {
    mkdirSync(join(out(), name), { recursive: true });
    writeFileSync(join(out(), name, 'model.json'), content);
  };
  const contentOf = (name: string) => readFileSync(join(out(), name, 'model.json'), 'utf8');
  const mine = (kind: string) => `.cmp.${kind}-${process.pid}-0a1b2c3d`;

  it('puts the last good folder back when the stop came between the two renames', async () => {
    folder(mine('old'), 'last good');
    folder(mine('tmp'), 'half');
    await recoverOutputFolder(out(), 'cmp');
    expect(readdirSync(out())).toEqual(['cmp']);
    expect(contentOf('cmp')).toBe('last good');
  });

  it('keeps the folder in place and removes what the stopped build left, before or after its swap', async () => {
    folder('cmp', 'in place');
    folder(mine('old'), 'retired');
    folder(mine('tmp'), 'half');
    await recoverOutputFolder(out(), 'cmp');
    expect(readdirSync(out())).toEqual(['cmp']);
    expect(contentOf('cmp')).toBe('in place');
  });

  it("leaves other comparisons' folders, other processes' folders and the user's own files alone", async () => {
    const others = ['.other.tmp-1-0a1b2c3d', `.cmp.tmp-${process.ppid}-0a1b2c3d`, '.cmp.notes', 'cmp.tmp-1-0a'];
    for (const name of others) folder(name, 'keep');
    folder(`.other.old-${process.pid}-0a1b2c3d`, 'keep');
    await recoverOutputFolder(out(), 'cmp');
    expect(readdirSync(out()).sort()).toEqual([...others, `.other.old-${process.pid}-0a1b2c3d`].sort());
    await expect(recoverOutputFolder(join(dir, 'missing'), 'cmp')).resolves.toBeUndefined();
  });
});

describe('folders of a killed build, at the next build of the same name', () => {
  // The pid of a process that has exited, as `kill -9` during a write leaves it.
  let dead = 0;
  beforeAll(() => {
    dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
    );
  });

  it('removes a retired folder left beside a newer one instead of putting it back over it', async () => {
    const out = join(dir, 'dist');
    await writeOutputFolder(out, 'cmp', [{ path: 'model.json', data: 'newer' }]);
    mkdirSync(join(out, `.cmp.old-${dead}-0a1b2c3d`));
    writeFileSync(join(out, `.cmp.old-${dead}-0a1b2c3d`, 'model.json'), 'older');
    await writeOutputFolder(out, 'cmp', [{ path: 'model.json', data: 'newest' }]);
    expect(readdirSync(out)).toEqual(['cmp']);
    expect(readFileSync(join(out, 'cmp/model.json'), 'utf8')).toBe('newest');
  });

  it('never puts a half-written staging folder in place as the last good outputs', async () => {
    const out = join(dir, 'dist');
    mkdirSync(join(out, `.cmp.tmp-${dead}-0a1b2c3d`), { recursive: true });
    writeFileSync(join(out, `.cmp.tmp-${dead}-0a1b2c3d`, 'index.html'), '<html><body>half');
    await expect(writeOutputFolder(out, 'cmp', [{ path: '../escape', data: 'x' }])).rejects.toThrow();
    expect(readdirSync(out)).toEqual([]);
  });

  it("keeps the user's own hidden files and folders whose names only look alike", async () => {
    const out = join(dir, 'dist');
    const lookalikes = [
      `.cmp.tmp-${dead}`,
      `.cmp.tmp-${dead}-XYZ`,
      `.cmp.tmp-${dead}-0a1b.bak`,
      `.cmp.bak-${dead}-0a1b`,
      `.cmp.bak-tmp-${dead}-0a1b`,
      `.cmpx.tmp-${dead}-0a1b`,
    ];
    for (const name of lookalikes) mkdirSync(join(out, name), { recursive: true });
    await writeOutputFolder(out, 'cmp', [{ path: 'model.json', data: '{}' }]);
    expect(readdirSync(out).sort()).toEqual([...lookalikes, 'cmp'].sort());
  });
});

describe('the staging folder', () => {
  it('is hidden beside the target and named after its process, so that a later build can tell a leftover', async () => {
    const out = join(dir, 'dist');
    mkdirSync(out);
    const seen: string[] = [];
    const watcher = watch(out, (_event, file) => {
      if (file) seen.push(String(file));
    });
    try {
      await writeOutputFolder(out, 'cmp', [{ path: 'model.json', data: '{}' }]);
      const staging = await poll(() => seen.find((name) => name.startsWith('.cmp.tmp-')));
      expect(staging).toMatch(new RegExp(`^\\.cmp\\.tmp-${process.pid}-[0-9a-f]{8}$`));
    } finally {
      watcher.close();
    }
    expect(readdirSync(out)).toEqual(['cmp']);
  });
});

/** Waits for `check` to find something (file events arrive after the write), without a fixed sleep. */
async function poll<T>(check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 2_000; i++) {
    const found = check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('not found in time');
}
