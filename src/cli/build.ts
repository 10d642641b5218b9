import { resolve } from 'node:path';
import { formatIssue, isRiskdeckError } from '../errors.js';
import { prepareOutDir } from '../pipeline/out-dir.js';
import type { BuildResult } from '../pipeline/plan.js';
import { buildParallel } from '../pipeline/pool.js';
import { loadTemplates } from '../resources/templates.js';
import { type CliDeps, EXIT, type ParsedArgs, signalExit } from './context.js';
import { resolveBuildOptions } from './options.js';

/** Errors about the machine or the command line, not the content: exit 2. */
const USAGE_CODES = new Set(['USAGE', 'IO']);

export async function runBuild(args: ParsedArgs, deps: CliDeps): Promise<number> {
  const quiet = args.values.quiet === true;
  const progress = deps.isTTY && !quiet;
  const onDone = (result: BuildResult, done: number, total: number) => {
    if (progress && total > 1) deps.stderr(`\r\x1b[K[${done}/${total}] ${result.file}`);
  };
  // A signal stops the workers; their half-written folders are removed and the last good outputs stay.
  const stop = new AbortController();
  let signal: unknown;
  void deps.until.then((name) => {
    signal = name;
    stop.abort();
  });
  let results: BuildResult[];
  try {
    const options = await resolveBuildOptions(args, deps);
    await prepareOutDir(resolve(deps.cwd, options.outDir ?? 'dist'));
    // Overrides are checked once here, so a typo in a template is one message, not one per content file.
    if (options.templatesDir !== undefined) await loadTemplates(resolve(deps.cwd, options.templatesDir));
    results = await buildParallel(options, deps.cpus, onDone, stop.signal);
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    deps.stderr(`riskdeck: ${error.message}\n`);
    return EXIT.usage;
  }
  if (progress && results.length > 1) deps.stderr('\r\x1b[K');
  if (signal !== undefined) {
    deps.stderr(`riskdeck: stopped by ${String(signal)}; the last good outputs are unchanged\n`);
    return signalExit(signal);
  }
  if (results.length === 0) {
    deps.stderr('riskdeck: no content files found; add one to content/ or name files\n');
    return EXIT.usage;
  }
  let failed = false;
  let usage = false;
  for (const result of results) {
    for (const warning of result.warnings) deps.stderr(`warning: ${formatIssue(warning)}\n`);
    if (result.error) {
      failed = true;
      // A theme or font that cannot be read, or outputs that cannot be written, are usage errors found on
      // the worker.
      usage ||= USAGE_CODES.has(result.error.code);
      deps.stderr(`${USAGE_CODES.has(result.error.code) ? 'riskdeck: ' : ''}${result.error.message}\n`);
    } else if (!quiet) {
      deps.stdout(`built ${result.file} → ${result.outDir}\n`);
    }
  }
  if (usage) return EXIT.usage;
  return failed ? EXIT.content : EXIT.ok;
}
