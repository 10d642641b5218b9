import { relative, resolve } from 'node:path';
import { loadSource, type SourceFile } from '../content/load.js';
import { formatPath } from '../content/path.js';
import { validateSource } from '../content/validate.js';
import { type ContentIssue, formatIssue, isRiskdeckError } from '../errors.js';
import { type FontSet, loadFonts } from '../fonts/load.js';
import { compileSource } from '../model/compile.js';
import { missingGlyphWarnings } from '../outputs/report/glyphs.js';
import { loadConfig, type RiskdeckConfig } from '../resources/config.js';
import { findContentFiles, readSource } from '../resources/source.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';

/** Characters no font of the configured chain can draw, placed in the file as `build` places them. */
async function glyphWarnings(source: SourceFile, fonts: FontSet, config: RiskdeckConfig): Promise<ContentIssue[]> {
  const { comparison, locate } = compileSource(source, config.riskThresholds);
  return (await missingGlyphWarnings(comparison, fonts)).map((w) => ({
    file: source.path,
    ...locate(w.path, w.needle),
    path: formatPath(w.path),
    message: w.message,
  }));
}

export async function runValidate(args: ParsedArgs, deps: CliDeps): Promise<number> {
  let files: string[];
  let config: RiskdeckConfig;
  let fonts: FontSet;
  try {
    ({ config } = await loadConfig(deps.cwd, args.values.config));
    fonts = await loadFonts(config.fonts, config.fallbackFonts);
    const contentDir = args.values.content ?? config.contentDir;
    files = args.positionals.length
      ? args.positionals
      : (await findContentFiles(resolve(deps.cwd, contentDir ?? 'content'))).map((f) => relative(deps.cwd, f) || f);
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    deps.stderr(`riskdeck: ${error.message}\n`);
    return EXIT.usage;
  }
  let failed = false;
  let usage = false;
  for (const file of files) {
    try {
      const source = await readSource(resolve(deps.cwd, file), file);
      const { issues, warnings } = validateSource(loadSource(source));
      const glyphs = issues.length === 0 ? await glyphWarnings(source, fonts, config) : [];
      for (const warning of [...warnings, ...glyphs]) deps.stderr(`warning: ${formatIssue(warning)}\n`);
      if (issues.length > 0) {
        failed = true;
        for (const issue of issues) deps.stderr(`${formatIssue(issue)}\n`);
        deps.stderr(`${file}: ${issues.length} error${issues.length === 1 ? '' : 's'}\n`);
      } else {
        deps.stdout(`${file}: ok\n`);
      }
    } catch (error) {
      if (!isRiskdeckError(error)) throw error;
      // A file that cannot be read (missing, a folder) is a usage error; a file that is not text is content.
      if (error.code === 'USAGE') usage = true;
      else failed = true;
      deps.stderr(`${error.code === 'USAGE' ? 'riskdeck: ' : ''}${error.message}\n`);
    }
  }
  if (usage) return EXIT.usage;
  return failed ? EXIT.content : EXIT.ok;
}
