import { parseArgs } from 'node:util';

/** What the CLI may touch; the bin passes the real process, tests pass their own. */
export interface CliDeps {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
  readonly now: () => Date;
  /** Whether stderr is a terminal (progress is shown only there). */
  readonly isTTY: boolean;
  /** Worker threads to build with. */
  readonly cpus: number;
  /**
   * Settles with the signal's name (`SIGINT`, `SIGTERM`) when the user stops riskdeck. Commands that clean up
   * (dev, build) wait on it; the bin installs its signal handlers only when a command first reads this, so a
   * command that never does keeps the default: a signal ends it at once.
   */
  readonly until: Promise<unknown>;
  /** How the user ran riskdeck (`npx riskdeck`, `riskdeck`), so that commands we print work as typed. */
  readonly invokedAs?: string | undefined;
}

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** The exit code of a process stopped by a signal, as shells report it: 128 + the signal's number. */
export function signalExit(signal: unknown): number {
  return signal === 'SIGINT' ? 130 : 143;
}

export const OPTIONS = {
  out: { type: 'string' },
  content: { type: 'string' },
  templates: { type: 'string' },
  theme: { type: 'string' },
  config: { type: 'string' },
  since: { type: 'string' },
  only: { type: 'string' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  'allow-any-host': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** The options each command honours (beyond --help and --debug), and how many files or names it takes. */
export const COMMANDS: Readonly<Record<string, { options: readonly OptionName[]; maxPositionals: number }>> = {
  build: {
    options: ['out', 'content', 'templates', 'theme', 'config', 'since', 'only', 'quiet'],
    maxPositionals: Infinity,
  },
  dev: {
    options: ['out', 'content', 'templates', 'theme', 'config', 'port', 'host', 'allowed-host', 'allow-any-host'],
    maxPositionals: Infinity,
  },
  validate: { options: ['content', 'config'], maxPositionals: Infinity },
  diff: { options: ['json'], maxPositionals: 2 },
  init: { options: ['content', 'config'], maxPositionals: 1 },
  schema: { options: [], maxPositionals: 0 },
};

export function parse(args: readonly string[]) {
  return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: OPTIONS });
}

export type ParsedArgs = ReturnType<typeof parse>;

/** Why `args` do not fit `command`, in one line, or undefined when they do: a flag it ignores is refused. */
export function misfit(command: string, args: ParsedArgs): string | undefined {
  const spec = COMMANDS[command];
  if (spec === undefined) return undefined;
  for (const name of Object.keys(args.values) as OptionName[]) {
    if (name === 'help' || name === 'debug' || spec.options.includes(name)) continue;
    const users = Object.keys(COMMANDS).filter((c) => COMMANDS[c]?.options.includes(name));
    const flag = name === 'quiet' ? '--quiet' : `--${name}`;
    return `riskdeck ${command}: ${flag} applies to ${users.join(' and ')} only; remove it`;
  }
  const most = spec.maxPositionals;
  if (args.positionals.length > most) {
    const extra = args.positionals.slice(most).join(' ');
    return `riskdeck ${command}: unexpected argument${args.positionals.length - most > 1 ? 's' : ''} "${extra}"; run "riskdeck ${command} --help"`;
  }
  return undefined;
}
