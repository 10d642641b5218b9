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
  /** Long-running commands (dev) stop when this settles; the bin resolves it on SIGINT/SIGTERM. */
  readonly until: Promise<unknown>;
}

export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

export function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      content: { type: 'string' },
      templates: { type: 'string' },
      theme: { type: 'string' },
      config: { type: 'string' },
      since: { type: 'string' },
      json: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      'allow-any-host': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

export type ParsedArgs = ReturnType<typeof parse>;
