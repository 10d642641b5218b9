import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { type ContentIssue, type ErrorCode, RiskdeckError } from '../errors.js';
import { threadCpuMs } from './cpu-clock.js';
import { type BuildJob, type BuildResult, type PortableBuildOptions, planBuild } from './plan.js';
import { WORKER_URL } from './worker-file.js';
import { recoverOutputFolder } from './write.js';

/** How often a running build's CPU time is checked. */
const POLL_MS = 50;

/**
 * Bounds for one file's build in a worker. A hostile file that slips past the content limits is stopped
 * here: the time scales with the file so that large honest comparisons still build.
 */
export interface WorkerLimits {
  readonly baseMs: number;
  readonly msPerKilobyte: number;
  readonly maxOldGenerationSizeMb: number;
  /** Heap added per KB of content: 8 systems × 1,000 threats (3.3 MB) peaks at 1.6 GB. */
  readonly mbPerKilobyte: number;
  /**
   * The wall-clock stop, as a multiple of the CPU limit (default 10): a backstop for a worker that waits
   * instead of computing, and the only limit where CPU time cannot be read. Generous, because on a busy
   * machine a build gets a small share of a core.
   */
  readonly wallFactor?: number;
}

export const WORKER_LIMITS: WorkerLimits = Object.freeze({
  baseMs: 5_000,
  msPerKilobyte: 20,
  maxOldGenerationSizeMb: 512,
  mbPerKilobyte: 0.6,
});

/** The heap a file's build may use: a base that any ordinary comparison stays far below, plus its size. */
export function heapLimitMb(bytes: number, limits: WorkerLimits = WORKER_LIMITS): number {
  return Math.ceil(limits.maxOldGenerationSizeMb + (bytes / 1024) * limits.mbPerKilobyte);
}

/** CPU time a file's build may use (where it can be measured; see cpu-clock.ts). */
export function timeLimitMs(bytes: number, limits: WorkerLimits = WORKER_LIMITS): number {
  return limits.baseMs + Math.ceil(bytes / 1024) * limits.msPerKilobyte;
}

interface EncodedError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues: readonly ContentIssue[];
}
type EncodedResult = Omit<BuildResult, 'error'> & { readonly error: EncodedError | undefined };

export interface WorkerRequest {
  readonly id: number;
  readonly job: BuildJob;
  readonly options: PortableBuildOptions;
}

export type WorkerReply = { id: number; result: EncodedResult } | { id: number; bug: string };

/** What a worker says once, on starting: its thread id, to read its CPU time by. */
export interface WorkerHello {
  readonly thread: string | undefined;
}

export function encodeResult(result: BuildResult): EncodedResult {
  const { error } = result;
  return { ...result, error: error && { code: error.code, message: error.message, issues: error.issues } };
}

function decodeResult(result: EncodedResult): BuildResult {
  const { error } = result;
  return { ...result, error: error && new RiskdeckError(error.code, error.message, error.issues) };
}

/** A bug in a worker: one line to show, the worker's trace kept for --debug. */
function workerBug(job: BuildJob, trace: string): Error {
  const error = new Error(`building ${job.display} failed: ${trace.split('\n')[0]}`);
  error.stack = trace;
  return error;
}

/** A few worker threads that build content files in parallel, each file bounded in time and memory. */
export class BuildPool {
  readonly #size: number;
  readonly #limits: WorkerLimits;
  readonly #idle: Worker[] = [];
  readonly #heap = new WeakMap<Worker, number>();
  readonly #thread = new WeakMap<Worker, string>();
  readonly #stopping = new Set<Promise<unknown>>();
  #nextId = 0;

  constructor(size: number, limits: WorkerLimits = WORKER_LIMITS) {
    this.#size = Math.max(1, size);
    this.#limits = limits;
  }

  async run(
    jobs: readonly BuildJob[],
    options: PortableBuildOptions,
    onDone: (result: BuildResult, index: number) => void = () => undefined,
    signal?: AbortSignal,
  ): Promise<BuildResult[]> {
    const results: BuildResult[] = [];
    let next = 0;
    const lane = async () => {
      while (next < jobs.length && !signal?.aborted) {
        const index = next++;
        const job = jobs[index] as BuildJob;
        results[index] = await this.#runOne(job, options, signal);
        onDone(results[index], index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#size, jobs.length) }, lane));
    if (signal?.aborted) {
      // Only once a stopped worker has ended can its half-written folder be cleaned up.
      await Promise.all(this.#stopping);
      await Promise.all(jobs.slice(0, next).map((job) => recoverOutputFolder(job.outDir, job.name)));
    }
    return results.filter((r) => r !== undefined);
  }

  /** Builds one file on a worker and writes its output folder there. */
  async #runOne(job: BuildJob, options: PortableBuildOptions, signal?: AbortSignal): Promise<BuildResult> {
    const reply = await this.#request(job, options, signal);
    if ('refused' in reply) return reply.refused;
    if ('result' in reply) return decodeResult(reply.result);
    throw new Error(`build of ${job.display}: the worker sent no result`);
  }

  async #request(
    job: BuildJob,
    options: PortableBuildOptions,
    signal?: AbortSignal,
  ): Promise<WorkerReply | { refused: BuildResult }> {
    const bytes = await stat(job.file).then(
      (s) => s.size,
      () => 0,
    );
    const limit = timeLimitMs(bytes, this.#limits);
    const heap = heapLimitMb(bytes, this.#limits);
    // A warm worker whose heap limit suits this file, else a new one with the right limit.
    const fit = this.#idle.findIndex((w) => (this.#heap.get(w) ?? 0) >= heap);
    const worker = fit >= 0 ? (this.#idle.splice(fit, 1)[0] as Worker) : this.#spawn(heap);
    const id = this.#nextId++;
    const refuse = (message: string) => refusal(job, message);
    return new Promise((done, fail) => {
      const finish = (keep: boolean) => {
        clearInterval(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        if (keep) this.#idle.push(worker);
        else this.#terminate(worker);
      };
      const onAbort = () => {
        finish(false);
        done(refuse('the build was stopped'));
      };
      const started = performance.now();
      const cpuAtStart = this.#cpuMs(worker) ?? 0;
      const wallLimit = limit * (this.#limits.wallFactor ?? 10);
      const timer = setInterval(() => {
        const cpu = this.#cpuMs(worker);
        const used = cpu === undefined ? undefined : cpu - cpuAtStart;
        const stop = overLimit(used, performance.now() - started, limit, wallLimit);
        if (stop !== undefined) {
          finish(false);
          done(refuse(stop));
        }
      }, POLL_MS);
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        finish(true);
        if ('bug' in reply) fail(workerBug(job, reply.bug));
        else done(reply);
      };
      const onError = (error: Error & { code?: string }) => {
        finish(false);
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          done(refuse(`the build needed more than ${heap} MB and was stopped`));
        } else fail(error);
      };
      const onExit = () => {
        finish(false);
        done(refuse('the build stopped unexpectedly'));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort);
      worker.postMessage({ id, job, options } satisfies WorkerRequest);
    });
  }

  #spawn(heap: number): Worker {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: heap } });
    this.#heap.set(worker, heap);
    worker.once('message', (hello: WorkerHello) => {
      if (hello.thread !== undefined) this.#thread.set(worker, hello.thread);
    });
    return worker;
  }

  #cpuMs(worker: Worker): number | undefined {
    const thread = this.#thread.get(worker);
    return thread === undefined ? undefined : threadCpuMs(thread);
  }

  #terminate(worker: Worker): void {
    const stopping = worker.terminate().finally(() => this.#stopping.delete(stopping));
    this.#stopping.add(stopping);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#idle.splice(0).map((w) => w.terminate()), ...this.#stopping]);
  }
}

/** Builds the files of `options` on `threads` worker threads; refused files come first in the results. */
export async function buildParallel(
  options: PortableBuildOptions,
  threads: number,
  onDone?: (result: BuildResult, done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<BuildResult[]> {
  const { jobs, refused } = await planBuild(options);
  // One file per worker. Splitting one file's deck and report over two workers was measured slower
  // (1.0 s against 0.87 s cold): both load the shared modules and the report needs the diagrams too.
  const pool = new BuildPool(Math.min(threads, jobs.length));
  let done = 0;
  try {
    const built = await pool.run(jobs, options, (result) => onDone?.(result, ++done, jobs.length), signal);
    return [...refused, ...built];
  } finally {
    await pool.close();
  }
}

function refusal(job: BuildJob, message: string): { refused: BuildResult } {
  return {
    refused: {
      file: job.display,
      name: job.name,
      outDir: undefined,
      warnings: [],
      error: new RiskdeckError('LIMIT_EXCEEDED', `${job.display}:1:1  ${message}`),
    },
  };
}

/** Why a running build must stop, if it must: CPU time is the content's doing; wall time only the machine's. */
function overLimit(usedCpuMs: number | undefined, wallMs: number, limitMs: number, wallLimitMs: number) {
  if (usedCpuMs !== undefined && usedCpuMs > limitMs) {
    return `the build used more than ${limitMs / 1000} s of CPU time and was stopped; the file is too large or too deeply nested`;
  }
  if (wallMs <= wallLimitMs) return undefined;
  // Never blame the content for the machine's load: say what was measured.
  const cpuNote = usedCpuMs === undefined ? '' : ` (it had used ${(usedCpuMs / 1000).toFixed(1)} s of CPU time)`;
  return `the build did not finish within ${Math.round(wallMs / 1000)} s and was stopped${cpuNote}; the machine may be too busy: try again, or build fewer files at once`;
}
