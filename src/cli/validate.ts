import { relative, resolve } from 'node:path';
import { loadSource } from '../content/load.js';
import { validateSource } from '../content/validate.js';
import { formatIssue, isRiskdeckError } from '../errors.js';
import { loadConfig } from '../resources/config.js';
import { findContentFiles, readSource } from '../resources/source.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';

export async function runValidate(args: ParsedArgs, deps: CliDeps): Promise<number> {
  let files: string[];
  try {
    const contentDir = args.values.content ?? (await loadConfig(deps.cwd, args.values.config)).config.contentDir;
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
      for (const warning of warnings) deps.stderr(`warning: ${formatIssue(warning)}\n`);
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
