import { parentPort } from 'node:worker_threads';
import { buildFile, buildResources } from './build.js';
import type { BuildJob, PortableBuildOptions } from './plan.js';
import { encodeResult, type WorkerReply } from './pool.js';

/** A worker thread that builds one content file per message; the pool bounds its time and memory. */
parentPort?.on('message', async (message: { id: number; job: BuildJob; options: PortableBuildOptions }) => {
  let reply: WorkerReply;
  try {
    const resources = await buildResources(message.options, message.job.cwd);
    reply = { id: message.id, result: encodeResult(await buildFile(message.job, message.options, resources)) };
  } catch (error) {
    const e = error as Error & { code?: string; issues?: unknown };
    reply =
      e.name === 'RiskdeckError'
        ? {
            id: message.id,
            result: encodeResult({
              file: message.job.display,
              name: message.job.name,
              outDir: undefined,
              warnings: [],
              error: e as never,
            }),
          }
        : { id: message.id, bug: e.stack ?? String(e) };
  }
  parentPort?.postMessage(reply);
});
