import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { LIVE_CLIENT } from './live-client.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface DevServer {
  readonly server: Server;
  /** Tells every connected deck that `name` was rebuilt (or all, without a name). */
  reload(name?: string): void;
  /** Tells connected clients that the report of `name` was rebuilt (the deck does not reload for it). */
  report(name: string): void;
  /** Shows a build error over every connected deck until `ok()`. */
  error(message: string): void;
  ok(): void;
  close(): Promise<void>;
}

/** Adds the live-reload script, and lets it reach the server under the deck's Content-Security-Policy. */
export function injectLiveClient(html: string): string {
  const withPolicy = html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i,
    (_m, start: string, policy: string, end: string) =>
      `${start}${policy.replace(/connect-src [^;]*;?\s*/g, '').replace(/;?\s*$/, '')}; connect-src 'self'${end}`,
  );
  const tag = '<script src="/__riskdeck/live.js"></script>';
  return withPolicy.includes('</body>') ? withPolicy.replace('</body>', `${tag}\n</body>`) : `${withPolicy}\n${tag}`;
}

/** Serves `root` (the output folder) with live reload; binds to `host` only. */
export function startDevServer(root: string, host: string, port: number): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  let lastError: string | undefined;
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__riskdeck/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      if (lastError !== undefined) res.write(`event: build-error\ndata: ${JSON.stringify({ message: lastError })}\n\n`);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/__riskdeck/live.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] ?? '', 'cache-control': 'no-store' });
      res.end(LIVE_CLIENT);
      return;
    }
    let path: string;
    try {
      path = normalize(join(root, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/` }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    const body = await readFile(path).catch(() => undefined);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found (yet): is the build done?');
      return;
    }
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(type.startsWith('text/html') ? injectLiveClient(body.toString('utf8')) : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error.message));
    });
  });
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, host, () => {
      resolveStart({
        server,
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
        close: () =>
          new Promise<void>((done) => {
            for (const client of clients) client.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
