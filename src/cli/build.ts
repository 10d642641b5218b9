import { build } from '../build.js';
import { formatIssue, isRiskdeckError } from '../errors.js';
import { type CliDeps, EXIT, type ParsedArgs } from './main.js';
import { resolveBuildOptions } from './options.js';

export async function runBuild(args: ParsedArgs, deps: CliDeps): Promise<number> {
  const results = await resolveBuildOptions(args, deps)
    .then(build)
    .catch((error: unknown) => {
      if (isRiskdeckError(error)) {
        deps.stderr(`riskdeck: ${error.message}\n`);
        return undefined;
      }
      throw error;
    });
  if (!results) return EXIT.usage;
  if (results.length === 0) {
    deps.stderr('riskdeck: no content files found; add one to content/ or name files\n');
    return EXIT.usage;
  }
  let failed = false;
  for (const result of results) {
    for (const warning of result.warnings) deps.stderr(`warning: ${formatIssue(warning)}\n`);
    if (result.error) {
      failed = true;
      deps.stderr(`${result.error.message}\n`);
    } else if (!args.values.quiet) {
      deps.stdout(`built ${result.file} → ${result.outDir}\n`);
    }
  }
  return failed ? EXIT.content : EXIT.ok;
}
