import { randomBytes } from 'node:crypto';
import { copyFile, lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { Artifact } from '../outputs/render.js';
import { ensureFolder, outputError } from './out-dir.js';

/**
 * Puts one output folder in place atomically: everything is written into a fresh folder beside the
 * target, then swapped in by rename. A failure before the swap leaves the last good outputs untouched;
 * a symlink planted at the target is replaced, never written through.
 */
export async function writeOutputFolder(outDir: string, name: string, artifacts: readonly Artifact[]): Promise<string> {
  try {
    return await writeFolder(outDir, name, artifacts);
  } catch (error) {
    throw outputError(outDir, error);
  }
}

async function writeFolder(outDir: string, name: string, artifacts: readonly Artifact[]): Promise<string> {
  const target = join(outDir, name);
  const nonce = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(outDir, `.${name}.tmp-${nonce}`);
  const retired = join(outDir, `.${name}.old-${nonce}`);
  await ensureFolder(outDir);
  await removeStale(outDir, name);
  try {
    await mkdir(staging);
    for (const artifact of artifacts) {
      const path = normalize(join(staging, artifact.path));
      if (!path.startsWith(staging + sep)) throw new Error(`artifact path escapes the output folder: ${artifact.path}`);
      await mkdir(dirname(path), { recursive: true });
      if ('copyOf' in artifact) await copyFile(artifact.copyOf, path);
      else await writeFile(path, artifact.data, { flag: 'wx' });
    }
    // Whatever is in place (a folder, or a planted file or symlink: rename moves the link, never follows it)
    // is retired, then removed once the new folder is in.
    if (await lstat(target).catch(() => undefined)) await rename(target, retired);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
  return target;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Folders that a build killed mid-write (`kill -9`, a power cut) left beside `name`: their process is gone.
 * A staging folder is removed; a retired last-good folder is put back when the swap was cut between its
 * two renames, else removed. Folders of running builds, this one's included, are left alone.
 */
async function removeStale(outDir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const entries = await readdir(outDir).catch(() => [] as string[]);
  for (const entry of entries) {
    const match = /^(tmp|old)-(\d+)-[0-9a-f]+$/.exec(entry.startsWith(prefix) ? entry.slice(prefix.length) : '');
    const pid = Number(match?.[2]);
    if (!match || alive(pid)) continue;
    const target = join(outDir, name);
    if (match[1] === 'old' && !(await lstat(target).catch(() => undefined))) await rename(join(outDir, entry), target);
    else await rm(join(outDir, entry), { recursive: true, force: true });
  }
}

/**
 * After this process's build of `name` was stopped mid-write: puts the last good folder back if the stop came
 * between the two renames of the swap, and removes the half-written staging folder.
 */
export async function recoverOutputFolder(outDir: string, name: string): Promise<void> {
  const mine = (kind: string) => (entry: string) => entry.startsWith(`.${name}.${kind}-${process.pid}-`);
  const entries = await readdir(outDir).catch(() => [] as string[]);
  const retired = entries.find(mine('old'));
  if (retired !== undefined && !(await lstat(join(outDir, name)).catch(() => undefined))) {
    await rename(join(outDir, retired), join(outDir, name));
  }
  // A retired folder just put back is no longer there: removing it again does nothing.
  for (const entry of entries.filter((e) => mine('tmp')(e) || mine('old')(e))) {
    await rm(join(outDir, entry), { recursive: true, force: true });
  }
}
