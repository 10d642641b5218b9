import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const BIN = resolve('lib/bundle/bin.cjs');

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Record<string, string> | undefined;
  /** Killed (and reported with code null) after this long. */
  readonly timeoutMs?: number;
  /** Called with the child as soon as it runs, to signal it when something happens. */
  readonly onSpawn?: (child: ReturnType<typeof spawn>, output: { stdout: string }) => void;
}

/** Runs the built CLI as a user would, as a subprocess. */
export function riskdeck(args: readonly string[], options: RunOptions): Promise<Run> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => {
      output.stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output.stderr += chunk;
    });
    // Only a backstop against a hang, far above any run's time on a busy machine (vitest stops a test at 60 s).
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000);
    options.onSpawn?.(child, output);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, ...output, ms: performance.now() - started });
    });
  });
}

/** Every file under `dir` with a hash of its bytes, to show that outputs stayed byte-identical. */
export function treeHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  let entries: string[] = [];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return hashes;
  }
  for (const entry of entries.sort()) {
    const path = join(dir, entry);
    try {
      hashes[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    } catch {
      hashes[relative(dir, path)] = 'folder';
    }
  }
  return hashes;
}

/** Mounts a small tmpfs (root only); undefined where mounting is not allowed. */
export function mountTmpfs(dir: string, options: string): (() => void) | undefined {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return () => execFileSync('umount', [dir], { stdio: 'ignore' });
}
