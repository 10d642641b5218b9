import { parentPort } from 'node:worker_threads';
import { isRiskdeckError } from '../errors.js';
import { buildFile, buildResources, checkFile } from './build.js';
import { currentThreadId } from './cpu-clock.js';
import type { BuildJob, PortableBuildOptions } from './plan.js';
import { encodeResult, type WorkerHello, type WorkerReply, type WorkerRequest } from './pool.js';

/** A worker thread that builds one content file per message; the pool bounds its time and memory. */
parentPort?.postMessage({ thread: currentThreadId() } satisfies WorkerHello);
parentPort?.on('message', async (message: WorkerRequest) => {
  parentPort?.postMessage(await handle(message.id, message.job, message.options));
});

async function handle(id: number, job: BuildJob, options: PortableBuildOptions): Promise<WorkerReply> {
  const failed = (error: unknown): WorkerReply => {
    if (!isRiskdeckError(error)) return { id, bug: (error as Error).stack ?? String(error) };
    return { id, result: encodeResult({ file: job.display, name: job.name, outDir: undefined, warnings: [], error }) };
  };
  try {
    if (options.check) return { id, result: encodeResult(await checkFile(job, options)) };
    const resources = await buildResources(options, job.cwd);
    return { id, result: encodeResult(await buildFile(job, options, resources)) };
  } catch (error) {
    return failed(error);
  }
}
