import { connect, type Socket } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Sends one request line exactly as written (`GET /..%2f.. HTTP/1.1`), the way `curl --path-as-is` does:
 * fetch and http.get normalise dot segments away before they reach the server, so a path guard tested
 * through them is never reached.
 */
export function rawRequest(
  port: number,
  requestLine: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('end', () => done(parse(Buffer.concat(chunks).toString('latin1'))));
    const head = { host: `127.0.0.1:${port}`, connection: 'close', ...headers };
    socket.write(
      `${requestLine}\r\n${Object.entries(head)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`,
    );
  });
}

function parse(text: string): RawResponse {
  const split = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  let body = text.slice(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, eol), 16);
    if (!(size > 0)) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/** An open event stream: what the server has written so far, and a way to wait for more. */
export interface EventStream {
  readonly socket: Socket;
  text(): string;
  until(what: string): Promise<string>;
}

export function openEventStream(port: number, path = '/__riskdeck/events'): EventStream {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  const waiters: (() => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
    for (const wake of waiters.splice(0)) wake();
  });
  socket.write(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\naccept: text/event-stream\r\n\r\n`);
  const until = (what: string): Promise<string> =>
    received.includes(what)
      ? Promise.resolve(received)
      : new Promise((wake) => waiters.push(() => void until(what).then(wake)));
  return { socket, text: () => received, until };
}
