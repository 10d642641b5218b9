import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRequestPath, resolveInside } from '../../src/dev/paths.js';

/**
 * Where a request may lead once symlinks are followed: only to regular files and folders inside the served
 * folder. `dist-sibling` shares the served folder's name as a prefix, the classic way past a check that
 * compares strings without a separator.
 */
let base: string;
let root: string;
beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'riskdeck-dev-paths-')));
  root = join(base, 'dist');
  mkdirSync(join(root, 'cmp/fonts'), { recursive: true });
  mkdirSync(join(base, 'dist-sibling'));
  writeFileSync(join(root, 'cmp/index.html'), 'deck');
  writeFileSync(join(base, 'dist-sibling/secret.txt'), 'secret');
  symlinkSync(join(base, 'dist-sibling/secret.txt'), join(root, 'cmp/sibling.txt'));
  symlinkSync(join(base, 'dist-sibling'), join(root, 'cmp/sibling-folder'));
  symlinkSync('index.html', join(root, 'cmp/alias.html'));
  symlinkSync('/dev/null', join(root, 'cmp/null'));
  expect(spawnSync('mkfifo', [join(root, 'cmp/pipe')]).status).toBe(0);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveInside', () => {
  it('finds files and folders inside, through links that stay inside', async () => {
    expect(await resolveInside(root, ['cmp', 'index.html'])).toEqual({
      kind: 'file',
      path: join(root, 'cmp/index.html'),
    });
    expect(await resolveInside(root, ['cmp', 'alias.html'])).toEqual({
      kind: 'file',
      path: join(root, 'cmp/index.html'),
    });
    expect(await resolveInside(root, ['cmp', 'fonts'])).toEqual({ kind: 'directory', path: join(root, 'cmp/fonts') });
    expect(await resolveInside(root, [])).toEqual({ kind: 'directory', path: root });
  });

  it('refuses links into a sibling folder whose name starts like the served one, and to devices', async () => {
    expect(await resolveInside(root, ['cmp', 'sibling.txt'])).toEqual({ kind: 'outside' });
    expect(await resolveInside(root, ['cmp', 'sibling-folder', 'secret.txt'])).toEqual({ kind: 'outside' });
    expect(await resolveInside(root, ['cmp', 'null'])).toEqual({ kind: 'outside' });
  });

  it('serves nothing that is neither a file nor a folder, nothing missing, and nothing from a missing root', async () => {
    expect(await resolveInside(root, ['cmp', 'pipe'])).toEqual({ kind: 'missing' });
    expect(await resolveInside(root, ['cmp', 'report.pdf'])).toEqual({ kind: 'missing' });
    expect(await resolveInside(join(base, 'no-such-dist'), ['cmp'])).toEqual({ kind: 'missing' });
  });
});

describe('parseRequestPath at its edges', () => {
  it.each(['/cmp/%7f', '/cmp/a%1fb', '/cmp/%09', '/.hidden', '/cmp/.%2e'])('refuses %j', (path) => {
    expect(parseRequestPath(path)).toMatchObject({ ok: false, status: 403, reason: 'forbidden path' });
  });

  it('keeps the query and fragment out of the path, and allows dots inside a name', () => {
    expect(parseRequestPath('/cmp/report.v2.pdf#page=2')).toEqual({
      ok: true,
      segments: ['cmp', 'report.v2.pdf'],
      trailingSlash: false,
    });
    expect(parseRequestPath('/cmp?x=/../../etc/passwd')).toEqual({ ok: true, segments: ['cmp'], trailingSlash: false });
  });

  it('says why a target is refused', () => {
    expect(parseRequestPath('*')).toEqual({ ok: false, status: 400, reason: 'the request target is not a path' });
    expect(parseRequestPath('/%E0%A4%A')).toEqual({
      ok: false,
      status: 400,
      reason: 'the path is not valid percent-encoding',
    });
  });
});
