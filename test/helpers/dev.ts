import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';

const BIN = resolve('lib/bundle/bin.cjs');

export interface RunningDev {
  readonly child: ChildProcess;
  /** `http://host:port` as dev printed it. */
  readonly base: string;
  readonly port: number;
  stdout(): string;
  stderr(): string;
  /** Stops dev with SIGINT and waits for it to exit. */
  stop(): Promise<void>;
}

/** Polls `check` until it returns a value (no fixed sleeps: the machine may be slow). */
export function waitFor<T>(check: () => T | undefined, what: string, timeout = 30_000): Promise<T> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const tick = () => {
      const value = check();
      if (value !== undefined) return done(value);
      if (Date.now() - started > timeout) return fail(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 25);
    };
    tick();
  });
}

/** Like waitFor, for a check that must ask the server. */
export async function poll<T>(check: () => Promise<T | undefined>, what: string, timeout = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the built `riskdeck dev` in `cwd` and waits until it says where it serves. */
export async function startDev(cwd: string, args: readonly string[] = []): Promise<RunningDev> {
  const child = spawn(process.execPath, [BIN, 'dev', '--port', '0', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = await Promise.race([
    waitFor(() => /serving (http:\/\/\S+:\d+)\//.exec(out)?.[1], 'dev to start serving'),
    exited.then(() => {
      throw new Error(`dev exited before serving:\n${out}\n${err}`);
    }),
  ]);
  return {
    child,
    base,
    port: Number(/:(\d+)$/.exec(base)?.[1]),
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        await exited;
      }
    },
  };
}

/** Runs the built CLI to its end: exit code and output. */
export function runCli(cwd: string, args: readonly string[], timeout = 20_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body as received (chunked transfer framing left in: tests only search it). */
  readonly body: string;
}

/**
 * Sends one request exactly as written, over a plain socket: fetch and http.request normalise or refuse
 * paths (`..`, backslashes, NUL), which is what a traversal test must not let them do. Resolves when the
 * server closes the connection, or once the headers are in when `headersOnly` (an event stream never ends).
 */
export function rawRequest(
  port: number,
  target: string,
  headers: Readonly<Record<string, string>> = {},
  options: { headersOnly?: boolean; method?: string; version?: string } = {},
): Promise<RawResponse> {
  const lines = [`${options.method ?? 'GET'} ${target} HTTP/${options.version ?? '1.1'}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push('Connection: close', '', '');
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const finish = () => {
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const head = (end < 0 ? text : text.slice(0, end)).split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
      const parsed: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      done({ status, headers: parsed, body: end < 0 ? '' : received.subarray(end + 4).toString('utf8') });
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (options.headersOnly && received.includes('\r\n\r\n')) {
        socket.destroy();
        finish();
      }
    });
    socket.on('end', finish);
    socket.on('error', fail);
    socket.setTimeout(20_000, () => {
      socket.destroy();
      fail(new Error(`no complete answer to ${target}`));
    });
    socket.write(lines.join('\r\n'), 'latin1');
  });
}
