import { formatIssue, isRiskdeckError } from '../errors.js';
import type { BuildResult } from '../pipeline/plan.js';
import { buildParallel } from '../pipeline/pool.js';
import { loadConfig } from '../resources/config.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';

/** Errors about the machine or the command line, not the content: exit 2. */
const USAGE_CODES = new Set(['USAGE', 'IO']);

/**
 * Checks content files on the build's worker threads, under the build's time and memory limits: a file
 * that would hang or exhaust `build` is stopped the same way here, and the verdict is the build's.
 */
export async function runValidate(args: ParsedArgs, deps: CliDeps): Promise<number> {
  let results: BuildResult[];
  try {
    const { config } = await loadConfig(deps.cwd, args.values.config);
    const files = args.positionals.length > 0 ? args.positionals : undefined;
    const contentDir = args.values.content ?? config.contentDir;
    const options = {
      cwd: deps.cwd,
      files,
      contentDir,
      riskThresholds: config.riskThresholds,
      fonts: config.fonts,
      fallbackFonts: config.fallbackFonts,
      check: true,
    };
    results = await buildParallel(options, deps.cpus);
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    deps.stderr(`riskdeck: ${error.message}\n`);
    return EXIT.usage;
  }
  let failed = false;
  let usage = false;
  for (const result of results) {
    for (const warning of result.warnings) deps.stderr(`warning: ${formatIssue(warning)}\n`);
    const { error } = result;
    if (!error) {
      deps.stdout(`${result.file}: ok\n`);
    } else if (USAGE_CODES.has(error.code)) {
      // A file that cannot be read (missing, a folder) is a usage error; a file that is not text is content.
      usage = true;
      deps.stderr(`riskdeck: ${error.message}\n`);
    } else {
      failed = true;
      if (error.issues.length === 0) deps.stderr(`${error.message}\n`);
      else {
        for (const issue of error.issues) deps.stderr(`${formatIssue(issue)}\n`);
        const count = error.issues.length;
        deps.stderr(`${result.file}: ${count} error${count === 1 ? '' : 's'}\n`);
      }
    }
  }
  if (usage) return EXIT.usage;
  return failed ? EXIT.content : EXIT.ok;
}
