import { parseArgs } from 'node:util';
import { runBuild } from './build.js';
import { runSchema } from './schema.js';
import { runValidate } from './validate.js';

/** What the CLI may touch; the bin passes the real process, tests pass their own. */
export interface CliDeps {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
}

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

export const HELP = `riskdeck — one security comparison in; a Reveal.js deck and a PDF risk report out.

Usage
  riskdeck build [files…] [--out DIR]   render content files (default: every file in content/) into DIR/<name>/
  riskdeck validate [files…]            check content files; report every error with file:line:column
  riskdeck schema                       print the JSON Schema of the content format (for editors)
  riskdeck --help | --version

Options
  --out DIR        output folder (default: dist)
  --content DIR    content folder used when no files are named (default: content)
  --templates DIR  folder of template overrides; a file there replaces ours of the same name
                   (deck/layout.hbs, deck/partials/*.hbs, deck/theme.css, report/report.hbs, …)
  -h, --help       show this help
  -v, --version    show the version

Environment
  SOURCE_DATE_EPOCH  seconds since 1970 that date the outputs (default: the content's date)

Exit codes: 0 ok, 1 content errors, 2 usage errors.
`;

export async function main(argv: readonly string[], deps: CliDeps): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    deps.stdout(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '-v' || command === '--version') {
    deps.stdout(`${deps.version}\n`);
    return EXIT.ok;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    deps.stderr(`riskdeck: ${(error as Error).message}\nRun "riskdeck --help" for usage.\n`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    deps.stdout(HELP);
    return EXIT.ok;
  }
  switch (command) {
    case 'build':
      return runBuild(parsed, deps);
    case 'validate':
      return runValidate(parsed, deps);
    case 'schema':
      return runSchema(deps);
    default:
      deps.stderr(`riskdeck: unknown command "${command}"\nRun "riskdeck --help" for usage.\n`);
      return EXIT.usage;
  }
}

export function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      content: { type: 'string' },
      templates: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export type ParsedArgs = ReturnType<typeof parse>;
