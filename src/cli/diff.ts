import { resolve } from 'node:path';
import { formatIssue, isRiskdeckError } from '../errors.js';
import { diffComparisons, formatChanges } from '../model/diff.js';
import { loadComparisonFile } from '../pipeline/baseline.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';

export async function runDiff(args: ParsedArgs, deps: CliDeps): Promise<number> {
  const [before, after, ...extra] = args.positionals;
  if (before === undefined || after === undefined || extra.length > 0) {
    deps.stderr('riskdeck diff: name two versions: riskdeck diff OLD NEW (content files or model.json)\n');
    return EXIT.usage;
  }
  try {
    const changes = diffComparisons(
      await loadComparisonFile(resolve(deps.cwd, before), before),
      await loadComparisonFile(resolve(deps.cwd, after), after),
    );
    deps.stdout(args.values.json ? `${JSON.stringify(changes, null, 2)}\n` : formatChanges(changes));
    return EXIT.ok;
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    deps.stderr(`${error.issues.length > 0 ? error.issues.map(formatIssue).join('\n') : error.message}\n`);
    return error.code === 'CONTENT_INVALID' || error.code === 'CONTENT_UNREADABLE' ? EXIT.content : EXIT.usage;
  }
}
