import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { startDevServer } from '../dev/server.js';
import { formatIssue, isRiskdeckError } from '../errors.js';
import type { BuildOptions, BuildResult } from '../pipeline/plan.js';
import { planBuild } from '../pipeline/plan.js';
import { BuildPool } from '../pipeline/pool.js';
import { CONFIG_NAMES } from '../resources/config.js';
import { CONTENT_EXTENSIONS, findContentFiles } from '../resources/source.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';
import { resolveBuildOptions } from './options.js';

const DEBOUNCE_MS = 10;

/** `riskdeck dev`: build, serve, and rebuild what an edit affects until `deps.until` settles. */
export async function runDev(args: ParsedArgs, deps: CliDeps): Promise<number> {
  const port = Number(args.values.port ?? '4100');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    deps.stderr(`riskdeck dev: --port must be a number from 0 to 65535, not "${args.values.port}"\n`);
    return EXIT.usage;
  }
  const host = args.values.host ?? '127.0.0.1';
  let options: BuildOptions;
  let files: string[];
  try {
    options = await resolveBuildOptions(args, deps);
    files = args.positionals.length
      ? args.positionals.map((f) => resolve(deps.cwd, f))
      : await findContentFiles(resolve(deps.cwd, options.contentDir ?? 'content'));
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    deps.stderr(`riskdeck: ${error.message}\n`);
    return EXIT.usage;
  }
  const outDir = resolve(deps.cwd, options.outDir ?? 'dist');
  const server = await startDevServer(outDir, host, port);
  // Warm workers: rebuilds reuse their loaded modules and caches, and a hostile edit cannot hang the server.
  const deckPool = new BuildPool(1);
  const reportPool = new BuildPool(1);
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  const report = (results: readonly BuildResult[], started: number) => {
    const failures = results.filter((r) => r.error);
    for (const r of results) for (const w of r.warnings) deps.stderr(`warning: ${formatIssue(w)}\n`);
    if (failures.length > 0) {
      const message = failures.map((r) => r.error?.message ?? '').join('\n\n');
      deps.stderr(`${message}\n`);
      server.error(message);
    } else {
      server.ok();
    }
    for (const r of results.filter((x) => !x.error)) {
      deps.stdout(`rebuilt the deck of ${r.file} in ${Math.round(performance.now() - started)} ms\n`);
      server.reload(r.name);
    }
  };
  const reportDone = (results: readonly BuildResult[], started: number) => {
    for (const r of results) {
      if (r.error) continue;
      deps.stdout(`rebuilt the report of ${r.file} in ${Math.round(performance.now() - started)} ms\n`);
      server.report(r.name);
    }
  };

  let queue = Promise.resolve();
  const rebuild = (which: readonly string[]) => {
    queue = queue.then(async () => {
      const started = performance.now();
      try {
        if (which === files) options = await resolveBuildOptions(args, deps);
        // The deck first, keeping the last report, so the open deck reloads as soon as it can; then the
        // report, keeping the new deck. Each on a warm worker of its own (the deck's never loads pdfmake).
        const deck = { ...options, files: which, only: ['model', 'deck'] as const, keep: ['report.pdf'] };
        const { jobs, refused } = await planBuild(deck);
        const built = [...refused, ...(await deckPool.run(jobs, deck))];
        report(built, started);
        const good = jobs.filter((job) => built.some((r) => r.name === job.name && !r.error));
        if (good.length > 0)
          reportDone(await reportPool.run(good, { ...deck, only: ['report'], keep: ['*'] }), started);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.stderr(`${message}\n`);
        server.error(message);
      }
    });
    return queue;
  };

  await rebuild(files);
  deps.stdout(`serving http://${host}:${actualPort}/ (Ctrl-C to stop)\n`);

  const pending = new Map<string, NodeJS.Timeout>();
  const schedule = (key: string, which: readonly string[]) => {
    clearTimeout(pending.get(key));
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        void rebuild(which);
      }, DEBOUNCE_MS),
    );
  };
  const watchers: FSWatcher[] = [];
  // Folders, not files, and not `recursive`: on Linux, Node 20 implements a recursive watch by watching each
  // file, and an editor that saves by writing a new file and renaming it over the old one (vim, sed -i, many
  // IDEs) leaves that watch on a file that no longer exists. A folder's watch sees every save.
  const watchDir = (dir: string, onChange: (path: string) => void) => {
    try {
      const watcher = watch(dir, (_event, name) => {
        if (name) onChange(resolve(dir, name.toString()));
      });
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    } catch {
      // A folder that does not exist has nothing to watch.
    }
  };
  const watchTree = async (dir: string, onChange: (path: string) => void) => {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const folder of [dir, ...entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name))]) {
      watchDir(folder, onChange);
    }
  };
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    watchDir(dir, (path) => {
      if (files.includes(path)) schedule(path, [path]);
      else if (!args.positionals.length && CONTENT_EXTENSIONS.test(path) && dirname(path) === dir) {
        files = [...files, path].sort();
        schedule(path, [path]);
      }
    });
  }
  if (options.templatesDir !== undefined)
    await watchTree(resolve(deps.cwd, options.templatesDir), () => schedule('*', files));
  watchDir(deps.cwd, (path) => {
    if (CONFIG_NAMES.some((name) => path === resolve(deps.cwd, name)) || path === options.theme) schedule('*', files);
  });

  try {
    await deps.until;
  } finally {
    for (const watcher of watchers) watcher.close();
    for (const timer of pending.values()) clearTimeout(timer);
    await queue;
    await Promise.all([deckPool.close(), reportPool.close()]);
    await server.close();
    deps.stdout(`stopped serving ${relative(deps.cwd, outDir) || outDir}\n`);
  }
  return EXIT.ok;
}
