import { RiskdeckError } from '../errors.js';
import type { BuildOptions } from '../pipeline/plan.js';
import { loadConfig } from '../resources/config.js';
import type { CliDeps, ParsedArgs } from './context.js';

/** Build options from flags, then the config file, then defaults — built once and frozen. */
export async function resolveBuildOptions(args: ParsedArgs, deps: CliDeps): Promise<BuildOptions> {
  const epoch = deps.env.SOURCE_DATE_EPOCH;
  // The reproducible-builds convention: a malformed value is an error, not a silent fallback. Empty is unset.
  if (epoch !== undefined && epoch !== '' && !/^\d{1,15}$/.test(epoch)) {
    throw new RiskdeckError(
      'USAGE',
      `SOURCE_DATE_EPOCH must be whole seconds since 1970 (like 1767225600), not "${epoch}"; fix or unset it`,
    );
  }
  const { config } = await loadConfig(deps.cwd, args.values.config);
  return Object.freeze({
    files: args.positionals,
    cwd: deps.cwd,
    outDir: args.values.out ?? config.outDir,
    contentDir: args.values.content ?? config.contentDir,
    templatesDir: args.values.templates ?? config.templates,
    theme: args.values.theme ?? config.theme,
    fonts: config.fonts,
    fallbackFonts: config.fallbackFonts,
    riskThresholds: config.riskThresholds,
    since: args.values.since,
    sourceDateEpoch: epoch || undefined,
  });
}
