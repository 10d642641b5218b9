import { mkdir, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { contentJsonSchema } from '../content/schema.js';
import { starterContent } from '../content/starter.js';
import { outputName } from '../pipeline/names.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';

export async function runInit(args: ParsedArgs, deps: CliDeps, today: string): Promise<number> {
  const [title, ...extra] = args.positionals;
  if (title === undefined || extra.length > 0) {
    deps.stderr('riskdeck init: name the comparison: riskdeck init <name>\n');
    return EXIT.usage;
  }
  const dir = resolve(deps.cwd, args.values.content ?? 'content');
  const file = resolve(dir, `${outputName(title)}.md`);
  await mkdir(dir, { recursive: true });
  const schema = resolve(dir, 'content.schema.json');
  await writeFile(schema, `${JSON.stringify(contentJsonSchema(), null, 2)}\n`);
  try {
    await writeFile(file, starterContent(title, today, './content.schema.json'), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    deps.stderr(`riskdeck init: ${relative(deps.cwd, file)} exists already; pick another name\n`);
    return EXIT.usage;
  }
  deps.stdout(`wrote ${relative(deps.cwd, file)}; build it with: riskdeck build ${relative(deps.cwd, file)}\n`);
  return EXIT.ok;
}
