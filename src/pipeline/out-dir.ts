import { lstat, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RiskdeckError, systemReason } from '../errors.js';

/** A failure to write outputs as the one line a user can act on (exit 2: the machine, not the content). */
export function outputError(outDir: string, error: unknown): unknown {
  const why = (error as { reason?: string }).reason ?? systemReason(error);
  if (why === undefined) return error;
  const hint = why.startsWith('ENOENT') ? 'ENOENT: a folder cannot be created there' : why;
  const fix = /^E(NOSPC|DQUOT)/.test(why) ? 'free some space or choose another --out' : 'choose another --out';
  return new RiskdeckError('IO', `cannot write the outputs to ${outDir} (${hint}); ${fix}`);
}

/**
 * Creates `dir` one level at a time. Node's `mkdir(…, { recursive: true })` loops forever under /proc (each
 * level reports ENOENT and EEXIST in turn), so the levels are walked here and the first failure is final.
 */
export async function ensureFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const found = await lstat(at).catch(() => undefined);
    if (found?.isDirectory()) break;
    if (found?.isSymbolicLink()) {
      // A link to a folder is a folder for this purpose; the staging swap replaces links inside it, not it.
      const target = await stat(at).catch(() => undefined);
      if (target?.isDirectory()) break;
    }
    if (found !== undefined) {
      const reason = `ENOTDIR: ${at} is ${at === dir ? '' : 'in the way and '}not a folder`;
      throw Object.assign(new Error(reason), { code: 'ENOTDIR', reason });
    }
    if (dirname(at) === at) break;
    missing.unshift(at);
    at = dirname(at);
  }
  for (const level of missing) {
    await mkdir(level).catch(async (error: unknown) => {
      // Another build running beside this one (two files on two threads) may have just made the same folder.
      const made = await lstat(level).catch(() => undefined);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !made?.isDirectory()) throw error;
    });
  }
}

/**
 * Makes sure outputs can be written under `outDir` before any work starts: creates it and writes and removes
 * a probe file, so a read-only, full or impossible place is one clear error rather than one per file.
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  try {
    await ensureFolder(outDir);
    const probe = join(outDir, `.riskdeck-probe-${process.pid}`);
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe, { force: true });
  } catch (error) {
    throw outputError(outDir, error);
  }
}
