import type { BuildOptions } from '../pipeline/plan.js';
import { loadConfig } from '../resources/config.js';
import type { CliDeps, ParsedArgs } from './context.js';

/** Build options from flags, then the config file, then defaults — built once and frozen. */
export async function resolveBuildOptions(args: ParsedArgs, deps: CliDeps): Promise<BuildOptions> {
  const { config } = await loadConfig(deps.cwd, args.values.config);
  return Object.freeze({
    files: args.positionals,
    cwd: deps.cwd,
    outDir: args.values.out ?? config.outDir,
    contentDir: args.values.content ?? config.contentDir,
    templatesDir: args.values.templates ?? config.templates,
    theme: args.values.theme ?? config.theme,
    fonts: config.fonts,
    riskThresholds: config.riskThresholds,
    since: args.values.since,
    sourceDateEpoch: deps.env.SOURCE_DATE_EPOCH,
  });
}
