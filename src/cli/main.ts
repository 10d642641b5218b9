import { didYouMean } from '../content/suggest.js';
import { type CliDeps, COMMANDS, EXIT, misfit, OPTIONS, type ParsedArgs, parse } from './context.js';
import { describeFailure } from './failure.js';

export { type CliDeps, EXIT, type ParsedArgs, parse } from './context.js';

export const HELP = `riskdeck — one security comparison in; a Reveal.js deck and a PDF risk report out.

Usage
  riskdeck build [files…]      render content files (default: every file in content/) into dist/<name>/
  riskdeck dev [files…]        build, serve on http://127.0.0.1:4100/, rebuild and reload on every save
  riskdeck validate [files…]   check content files; report every error with file:line:column
  riskdeck diff OLD NEW        what changed between two versions (content files or model.json)
  riskdeck init <name>         write a new starter comparison to content/<name>.md
  riskdeck schema              print the JSON Schema of the content format (for editors)
  riskdeck --help | --version

Options
  --out DIR        output folder (default: dist)                                  build, dev
  --content DIR    content folder used when no files are named (default: content)  build, dev, validate, init
  --templates DIR  folder of template overrides; a file there replaces ours of the
                   same name (deck/layout.hbs, deck/partials/*.hbs, deck/theme.css,
                   report/report.hbs, …)                                          build, dev
  --theme FILE     a CSS file layered over the deck theme (README: its properties) build, dev
  --since REF      add "Changes since" to both outputs, against a model.json, a
                   content file or a git ref (the content file at that commit)    build
  --only NAMES     write only these outputs, comma-separated (model, deck,
                   report, slides, handout, pptx); the others stay as the last
                   build left them (default: model, deck, report; config:
                   outputs)                                                       build
  --config FILE    config file (default: riskdeck.config.json, .js or .mjs here)  build, dev
  --json           print the diff as JSON                                         diff
  --port N         dev server port (default: 4100)                                dev
  --host ADDR      dev server address (default: 127.0.0.1); an address
                   beyond loopback needs --allowed-host or --allow-any-host       dev
  --allowed-host NAME  also answer this host name (repeatable); any other
                   Host gets 403 (config: allowedHosts)                           dev
  --allow-any-host answer every Host name (turns off the DNS-rebinding guard)     dev
  -q, --quiet      print errors only                                              build
  --debug          print the trace of an unexpected error
  -h, --help       show this help
  -v, --version    show the version

Config file (riskdeck.config.json, or .js/.mjs exporting defineConfig({…}) from 'riskdeck')
  outDir, contentDir, templates, theme, fonts {family, normal, bold, italics, bolditalics} (TTF paths),
  riskThresholds {medium, high, critical}, allowedHosts [host names for dev].
  Paths resolve from the config file's folder.
  Precedence: flag, then config file, then default.

Environment
  SOURCE_DATE_EPOCH  seconds since 1970 that date the outputs (default: the content's date)

Exit codes: 0 ok, 1 content errors, 2 usage and environment errors (130/143 when stopped by SIGINT/SIGTERM).
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
  let parsed: ParsedArgs;
  try {
    parsed = parse(rest);
  } catch (error) {
    deps.stderr(`riskdeck ${command}: ${argumentProblem(error, command)}; run "riskdeck ${command} --help"\n`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    deps.stdout(HELP);
    return EXIT.ok;
  }
  const wrong = misfit(command, parsed);
  if (wrong !== undefined) {
    deps.stderr(`${wrong}\n`);
    return EXIT.usage;
  }
  try {
    return await run(command, parsed, deps);
  } catch (error) {
    const { text, code } = describeFailure(error, parsed.values.debug === true);
    deps.stderr(text);
    return code;
  }
}

// Each command loads only what it needs: `build` renders on worker threads, so the main thread never
// loads the renderers, and `--help` loads nothing.
async function run(command: string, parsed: ParsedArgs, deps: CliDeps): Promise<number> {
  switch (command) {
    case 'build':
      return (await import('./build.js')).runBuild(parsed, deps);
    case 'validate':
      return (await import('./validate.js')).runValidate(parsed, deps);
    case 'schema':
      return (await import('./schema.js')).runSchema(deps);
    case 'dev':
      return (await import('./dev.js')).runDev(parsed, deps);
    case 'diff':
      return (await import('./diff.js')).runDiff(parsed, deps);
    case 'init':
      return (await import('./init.js')).runInit(parsed, deps, deps.now().toISOString().slice(0, 10));
    default:
      deps.stderr(
        `riskdeck: unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}; run "riskdeck --help"\n`,
      );
      return EXIT.usage;
  }
}

/**
 * parseArgs' complaint in our words: `unknown option "--nope" (did you mean "--out"?)`. The suggestion is one
 * of the command's own flags: suggesting a flag the command then refuses would leave the user stuck.
 */
function argumentProblem(error: unknown, command: string): string {
  const message = (error as Error).message;
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const own = COMMANDS[command]?.options ?? Object.keys(OPTIONS);
    const names = [...own, 'help', 'debug'].map((name) => `--${name}`);
    return `unknown option "${option}"${didYouMean(option, names)}`;
  }
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `${option} needs a value`;
  }
  return message.split('\n')[0] ?? message;
}
