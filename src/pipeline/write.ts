import { randomBytes } from 'node:crypto';
import { copyFile, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { Artifact } from '../outputs/render.js';

/**
 * Puts one output folder in place atomically: everything is written into a fresh folder beside the
 * target, then swapped in by rename. A failure before the swap leaves the last good outputs untouched;
 * a symlink planted at the target is replaced, never written through.
 */
export async function writeOutputFolder(outDir: string, name: string, artifacts: readonly Artifact[]): Promise<string> {
  const target = join(outDir, name);
  const nonce = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(outDir, `.${name}.tmp-${nonce}`);
  const retired = join(outDir, `.${name}.old-${nonce}`);
  await mkdir(outDir, { recursive: true });
  try {
    await mkdir(staging);
    for (const artifact of artifacts) {
      const path = normalize(join(staging, artifact.path));
      if (!path.startsWith(staging + sep)) throw new Error(`artifact path escapes the output folder: ${artifact.path}`);
      await mkdir(dirname(path), { recursive: true });
      if ('copyOf' in artifact) await copyFile(artifact.copyOf, path);
      else await writeFile(path, artifact.data, { flag: 'wx' });
    }
    const existing = await lstat(target).catch(() => undefined);
    if (existing?.isSymbolicLink() || existing?.isFile()) await rm(target);
    else if (existing) await rename(target, retired);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
  return target;
}
