#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, relative } from 'node:path';
import { signalExit } from './context.js';
import { describeFailure } from './failure.js';
import { main } from './main.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const debug = process.argv.includes('--debug');

// Anything that escapes main (an error event nobody listened to, a rejected promise nobody awaited) still ends
// as one line and an exit code, never a stack trace (unless --debug).
const fail = (error: unknown) => {
  const { text, code } = describeFailure(error, debug);
  process.stderr.write(text);
  process.exit(code);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

/** Installed when a command first waits for it (see CliDeps.until). */
let stopped: Promise<string> | undefined;
const until = () =>
  (stopped ??= new Promise<string>((stop) => {
    const onSignal = (signal: NodeJS.Signals) => {
      // The command gets a moment to clean up (stop its workers, remove half-written folders); a second
      // signal, or cleanup that takes too long, ends the process at once.
      setTimeout(() => process.exit(signalExit(signal)), 800).unref();
      process.once(signal, () => process.exit(signalExit(signal)));
      stop(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }));

/** How the user ran us: through npx / npm exec, as `riskdeck` on the PATH, or as `node path/to/bin.js`. */
function invokedAs(): string {
  if (process.env.npm_command === 'exec') return 'npx riskdeck';
  const script = process.argv[1] ?? '';
  if (basename(script) === 'riskdeck') return 'riskdeck';
  return `node ${relative(process.cwd(), script) || script}`;
}

// No top-level await: the bundled CLI is CommonJS (see scripts/bundle.mjs).
void main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version,
  now: () => new Date(),
  get until() {
    return until();
  },
  isTTY: process.stderr.isTTY === true,
  cpus: availableParallelism(),
  invokedAs: invokedAs(),
}).then((code) => {
  process.exitCode = code;
});
