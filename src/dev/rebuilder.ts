import { formatIssue } from '../errors.js';
import type { BuildOptions, BuildResult } from '../pipeline/plan.js';
import { planBuild } from '../pipeline/plan.js';
import { BuildPool } from '../pipeline/pool.js';
import type { DevServer } from './server.js';

export interface Rebuilder {
  /** Queues a build of `files`, or of every file with the options read again (`all`: config, templates, theme). */
  rebuild(files: readonly string[] | 'all'): Promise<void>;
  /** The options of the last build. */
  options(): BuildOptions;
  /** Stops the build under way (its outputs are left as they were), skips the queued ones, stops the workers. */
  close(): Promise<void>;
}

export interface RebuilderSetup {
  readonly server: DevServer;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads flags and config again (a config edit applies on the next build). */
  readonly loadOptions: () => Promise<BuildOptions>;
  /** The content files being served now. */
  readonly files: () => readonly string[];
  readonly options: BuildOptions;
}

/** Builds one at a time, deck before report, and tells the server's clients what changed. */
export function createRebuilder(setup: RebuilderSetup): Rebuilder {
  const { server, stdout, stderr } = setup;
  let options = setup.options;
  // Warm workers: rebuilds reuse their loaded modules and caches, and a hostile edit cannot hang the server.
  const deckPool = new BuildPool(1);
  const reportPool = new BuildPool(1);
  const stopping = new AbortController();
  const ms = (started: number) => Math.round(performance.now() - started);

  const deckDone = (results: readonly BuildResult[], started: number) => {
    const failures = results.filter((r) => r.error);
    for (const r of results) for (const w of r.warnings) stderr(`warning: ${formatIssue(w)}\n`);
    if (failures.length > 0) {
      const message = failures.map((r) => r.error?.message ?? '').join('\n\n');
      stderr(`${message}\n`);
      server.error(message);
    } else {
      server.ok();
    }
    for (const r of results.filter((x) => !x.error)) {
      stdout(`rebuilt the deck of ${r.file} in ${ms(started)} ms\n`);
      server.reload(r.name);
    }
  };
  const reportDone = (results: readonly BuildResult[], started: number) => {
    for (const r of results) {
      if (r.error) {
        stderr(`${r.error.message}\n`);
        continue;
      }
      stdout(`rebuilt the report of ${r.file} in ${ms(started)} ms\n`);
      server.report(r.name);
    }
  };
  const build = async (which: readonly string[] | 'all') => {
    const started = performance.now();
    if (stopping.signal.aborted) return;
    try {
      if (which === 'all') options = await setup.loadOptions();
      const files = which === 'all' ? setup.files() : which;
      if (files.length === 0) return;
      // The deck first, keeping the last report, so the open deck reloads as soon as it can; then the
      // report, keeping the new deck. Each on a warm worker of its own (the deck's never loads pdfmake).
      const deck = { ...options, files, only: ['model', 'deck'] as const, keep: ['report.pdf'] };
      const { jobs, refused } = await planBuild(deck);
      const built = [...refused, ...(await deckPool.run(jobs, deck, undefined, stopping.signal))];
      if (stopping.signal.aborted) return;
      deckDone(built, started);
      const good = jobs.filter((job) => built.some((r) => r.name === job.name && !r.error));
      if (good.length === 0) return;
      const reports = await reportPool.run(
        good,
        { ...deck, only: ['report'], keep: ['*'] },
        undefined,
        stopping.signal,
      );
      if (!stopping.signal.aborted) reportDone(reports, started);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      stderr(`${message}\n`);
      server.error(message);
    }
  };

  let queue = Promise.resolve();
  return {
    rebuild: (which) => {
      queue = queue.then(() => build(which));
      return queue;
    },
    options: () => options,
    close: async () => {
      stopping.abort();
      await queue;
      await Promise.all([deckPool.close(), reportPool.close()]);
    },
  };
}
