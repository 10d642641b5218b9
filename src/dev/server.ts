import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { COMMON_HEADERS, createRequestHandler, type DevServerOptions, type ServedComparison } from './routes.js';

export type { DevServerOptions, ServedComparison } from './routes.js';

export interface DevServer {
  readonly server: Server;
  /** The port listened on (the one chosen by the system for port 0). */
  readonly port: number;
  /** Sets the comparisons served: `/` lists them and only their output folders are served. */
  serve(comparisons: readonly ServedComparison[]): void;
  /** Tells every connected deck that `name` was rebuilt (or all, without a name). */
  reload(name?: string): void;
  /** Tells connected clients that the report of `name` was rebuilt (the deck does not reload for it). */
  report(name: string): void;
  /** Shows a build error over every connected deck until `ok()`. */
  error(message: string): void;
  ok(): void;
  close(): Promise<void>;
}

/** Serves the output folder with live reload, to this machine's browser only unless told otherwise. */
export function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  let served: readonly ServedComparison[] = [];
  let lastError: string | undefined;
  let port = options.port;
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    if (req.method === 'HEAD') return void res.end();
    res.write(': connected\n\n');
    clients.add(res);
    if (lastError !== undefined) res.write(`event: build-error\ndata: ${JSON.stringify({ message: lastError })}\n\n`);
    req.on('close', () => clients.delete(res));
  };
  const handle = createRequestHandler(options, { served: () => served, port: () => port, events });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, COMMON_HEADERS);
      res.end(String(error.message));
    });
  });
  const close = () =>
    new Promise<void>((done) => {
      for (const client of clients) client.end();
      server.close(() => done());
      server.closeAllConnections();
    });
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(options.port, options.host, () => {
      server.off('error', rejectStart);
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      resolveStart({
        server,
        port,
        serve: (comparisons) => {
          served = [...comparisons];
        },
        reload: (name) => send('reload', { name }),
        report: (name) => send('report', { name }),
        error: (message) => {
          lastError = message;
          send('build-error', { message });
        },
        ok: () => {
          lastError = undefined;
          send('build-ok', {});
        },
        close,
      });
    });
  });
}
