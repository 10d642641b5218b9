import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureFolder } from '../../src/pipeline/out-dir.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ensureFolder', () => {
  it('lets builds running side by side make the same new folders at once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'riskdeck-out-dir-'));
    const target = join(dir, 'dist', 'a', 'b');
    await Promise.all(Array.from({ length: 8 }, () => ensureFolder(target)));
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('still refuses a file in the way', async () => {
    dir = mkdtempSync(join(tmpdir(), 'riskdeck-out-dir-'));
    writeFileSync(join(dir, 'dist'), '');
    await expect(ensureFolder(join(dir, 'dist', 'x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
