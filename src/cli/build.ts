import { formatIssue, isRiskdeckError } from '../errors.js';
import type { BuildResult } from '../pipeline/plan.js';
import { buildParallel } from '../pipeline/pool.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';
import { resolveBuildOptions } from './options.js';

export async function runBuild(args: ParsedArgs, deps: CliDeps): Promise<number> {
  const quiet = args.values.quiet === true;
  const progress = deps.isTTY && !quiet;
  const onDone = (result: BuildResult, done: number, total: number) => {
    if (progress && total > 1) deps.stderr(`\r\x1b[K[${done}/${total}] ${result.file}`);
  };
  let results: BuildResult[];
  try {
    const options = await resolveBuildOptions(args, deps);
    results = await buildParallel(options, deps.cpus, onDone);
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    deps.stderr(`riskdeck: ${error.message}\n`);
    return EXIT.usage;
  }
  if (progress && results.length > 1) deps.stderr('\r\x1b[K');
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
      // A theme or font that cannot be read is a usage error, found on the worker that loads it.
      usage ||= result.error.code === 'USAGE';
      deps.stderr(`${result.error.message}\n`);
    } else if (!quiet) {
      deps.stdout(`built ${result.file} → ${result.outDir}\n`);
    }
  }
  if (usage) return EXIT.usage;
  return failed ? EXIT.content : EXIT.ok;
}
