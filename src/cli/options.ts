import { didYouMean } from '../content/suggest.js';
import { RiskdeckError } from '../errors.js';
import { type BuildOptions, OUTPUT_NAMES, type OutputName } from '../pipeline/plan.js';
import { loadConfig } from '../resources/config.js';
import type { CliDeps, ParsedArgs } from './context.js';

/** `--only deck,report`: the outputs named, each checked; undefined when the flag is absent. */
function onlyOutputs(value: string | undefined): OutputName[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(OUTPUT_NAMES as readonly string[]).includes(name)) {
      throw new RiskdeckError(
        'USAGE',
        `--only: unknown output "${name}"${didYouMean(name, OUTPUT_NAMES)}; name one or more of ${OUTPUT_NAMES.join(', ')}, separated by commas`,
      );
    }
  }
  return names as OutputName[];
}

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
  const only = onlyOutputs(args.values.only);
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
    // With --only, the outputs not named stay as the last build wrote them; the config's outputs are the whole
    // build, as the default set is.
    ...(only ? { only, keep: ['*'] } : config.outputs && { only: config.outputs as OutputName[] }),
  });
}
