import { mkdir, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { starterContent } from '../content/starter.js';
import { outputName } from '../pipeline/names.js';
import { loadConfig } from '../resources/config.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';

/** The JSON Schema riskdeck ships (in the clone and in the package), which the example's schema line names too. */
const SHIPPED_SCHEMA = fileURLToPath(new URL('../../schema/content.schema.json', import.meta.url));

/** A title for a name typed as a slug (`gvisor-vs-kata` → `Gvisor vs kata`); a name with spaces is kept. */
export function starterTitle(name: string): string {
  const words = /\s/.test(name) ? name.trim() : name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export async function runInit(args: ParsedArgs, deps: CliDeps, today: string): Promise<number> {
  const [name, ...extra] = args.positionals;
  if (name === undefined || extra.length > 0) {
    deps.stderr('riskdeck init: name the comparison: riskdeck init <name>\n');
    return EXIT.usage;
  }
  const contentDir = args.values.content ?? (await loadConfig(deps.cwd, args.values.config)).config.contentDir;
  const dir = resolve(deps.cwd, contentDir ?? 'content');
  const file = resolve(dir, `${outputName(name)}.md`);
  await mkdir(dir, { recursive: true });
  // The schema line names the shipped schema, relative to the new file: no copy to keep up to date.
  const schema = relative(dir, SHIPPED_SCHEMA).split(sep).join('/');
  try {
    await writeFile(file, starterContent(starterTitle(name), today, schema), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    deps.stderr(`riskdeck init: ${relative(deps.cwd, file)} exists already; pick another name\n`);
    return EXIT.usage;
  }
  const shown = relative(deps.cwd, file) || file;
  deps.stdout(`wrote ${shown}; build it with: ${deps.invokedAs ?? 'riskdeck'} build ${shown}\n`);
  return EXIT.ok;
}
