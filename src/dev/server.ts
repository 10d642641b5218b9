import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { refuseHost, refuseOrigin } from './hosts.js';
import { deckPolicyHeader, type IndexEntry, injectLiveClient, renderIndex } from './html.js';
import { LIVE_CLIENT } from './live-client.js';
import { parseRequestPath, resolveInside } from './paths.js';

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
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Sent with every response. The review is confidential: no cache keeps it, no type is guessed from its
 * bytes, no other site may embed its files, and links out of it do not tell where they were followed from.
 * There is deliberately no `Access-Control-Allow-*` header.
 */
const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};

/** How many distinct refusals the terminal shows before it stops listing them. */
const MAX_REFUSALS_SHOWN = 20;

export interface DevServerOptions {
  /** The output folder. Only the folders of the comparisons being served are reachable in it. */
  readonly root: string;
  readonly host: string;
  readonly port: number;
  /** Host names to answer besides loopback and the listening address. */
  readonly allowedHosts: readonly string[];
  readonly allowAnyHost: boolean;
  /** Told once per distinct refused Host, Origin or path, in one line. */
  readonly onRefused: (reason: string) => void;
}

/** A comparison dev serves: its output folder's name and its content file as shown to the user. */
export interface ServedComparison {
  readonly name: string;
  readonly file: string;
}

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
  const shown = new Set<string>();
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const refuse = (res: ServerResponse, status: number, reason: string, key: string) => {
    // Bounded: the keys are the requester's text.
    if (!shown.has(key) && shown.size <= MAX_REFUSALS_SHOWN) {
      shown.add(key);
      options.onRefused(
        shown.size > MAX_REFUSALS_SHOWN ? 'refused more requests (not shown; each was answered 403)' : reason,
      );
    }
    res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(`${reason}\n`);
  };
  const text = (res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}) =>
    res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra }).end(body);

  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
    res.write(': connected\n\n');
    clients.add(res);
    if (lastError !== undefined) res.write(`event: build-error\ndata: ${JSON.stringify({ message: lastError })}\n\n`);
    req.on('close', () => clients.delete(res));
  };

  const index = async (res: ServerResponse) => {
    const entries: IndexEntry[] = [];
    for (const { name, file } of served) {
      const folder = join(options.root, name);
      const model = await readFile(join(folder, 'model.json'), 'utf8').catch(() => undefined);
      let title: string | undefined;
      try {
        title = model === undefined ? undefined : (JSON.parse(model) as { meta?: { title?: string } }).meta?.title;
      } catch {
        title = undefined;
      }
      const deck = (await resolveInside(options.root, [name, 'index.html'])).kind === 'file';
      const report = (await resolveInside(options.root, [name, 'report.pdf'])).kind === 'file';
      entries.push({ name, file, title: typeof title === 'string' ? title : undefined, deck, report });
    }
    const page = renderIndex(entries);
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': TYPES['.html'] ?? '',
      'content-security-policy': page.policy,
    });
    res.end(page.html);
  };

  const file = async (res: ServerResponse, segments: readonly string[], trailingSlash: boolean) => {
    let found = await resolveInside(options.root, segments);
    if (found.kind === 'directory') {
      if (!trailingSlash) {
        res.writeHead(301, { ...COMMON_HEADERS, location: `/${segments.map(encodeURIComponent).join('/')}/` });
        res.end();
        return;
      }
      found = await resolveInside(options.root, [...segments, 'index.html']);
    }
    const path = `/${segments.join('/')}`;
    if (found.kind === 'outside')
      return refuse(res, 403, `refused ${JSON.stringify(path)}: it leads outside the output folder`, `path:${path}`);
    const body = found.kind === 'file' ? await readFile(found.path).catch(() => undefined) : undefined;
    if (found.kind !== 'file' || body === undefined)
      return text(res, 404, 'not found (yet): is the build done? The list of comparisons is at /\n');
    const type = TYPES[extname(found.path).toLowerCase()] ?? 'application/octet-stream';
    if (!type.startsWith('text/html')) {
      res.writeHead(200, { ...COMMON_HEADERS, 'content-type': type }).end(body);
      return;
    }
    const html = injectLiveClient(body.toString('utf8'));
    res.writeHead(200, { ...COMMON_HEADERS, 'content-type': type, 'content-security-policy': deckPolicyHeader(html) });
    res.end(html);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    const denied =
      refuseHost(req.headers.host, {
        port,
        listen: options.host,
        allowed: options.allowedHosts,
        any: options.allowAnyHost,
      }) ?? refuseOrigin(req.headers.origin, req.headers.host, target.split(/[?#]/, 1)[0] ?? '');
    if (denied !== undefined)
      return refuse(
        res,
        403,
        denied,
        req.headers.origin === undefined ? `host:${req.headers.host}` : `origin:${req.headers.origin}`,
      );
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return text(res, 405, 'dev serves GET and HEAD only\n', { allow: 'GET, HEAD' });
    const path = parseRequestPath(target);
    if (!path.ok) return text(res, path.status, `${path.reason}\n`);
    const [first, ...rest] = path.segments;
    if (first === undefined) return index(res);
    if (first === 'favicon.ico' && rest.length === 0) return void res.writeHead(204, COMMON_HEADERS).end();
    if (first === '__riskdeck' && rest.join('/') === 'events') return events(req, res);
    if (first === '__riskdeck' && rest.join('/') === 'live.js') {
      res.writeHead(200, { ...COMMON_HEADERS, 'content-type': TYPES['.js'] ?? '' }).end(LIVE_CLIENT);
      return;
    }
    if (!served.some((c) => c.name === first))
      return text(res, 404, 'not found: dev serves the comparisons listed at /\n');
    return file(res, path.segments, path.trailingSlash);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, COMMON_HEADERS);
      res.end(String(error.message));
    });
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
