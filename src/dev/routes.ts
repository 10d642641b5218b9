import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
export const COMMON_HEADERS = {
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

type Refuse = (res: ServerResponse, reason: string, key: string) => void;

const text = (res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void => {
  res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra }).end(body);
};

/** Answers 403 with the reason, and tells the terminal once per distinct key (bounded: keys are the requester's text). */
function createRefuser(onRefused: (reason: string) => void): Refuse {
  const shown = new Set<string>();
  return (res, reason, key) => {
    if (!shown.has(key) && shown.size <= MAX_REFUSALS_SHOWN) {
      shown.add(key);
      onRefused(shown.size > MAX_REFUSALS_SHOWN ? 'refused more requests (not shown; each was answered 403)' : reason);
    }
    text(res, 403, `${reason}\n`);
  };
}

async function titleOf(folder: string): Promise<string | undefined> {
  const model = await readFile(join(folder, 'model.json'), 'utf8').catch(() => undefined);
  try {
    const title = model === undefined ? undefined : (JSON.parse(model) as { meta?: { title?: unknown } }).meta?.title;
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}

async function serveIndex(res: ServerResponse, root: string, served: readonly ServedComparison[]): Promise<void> {
  const entries: IndexEntry[] = [];
  for (const { name, file } of served) {
    const deck = (await resolveInside(root, [name, 'index.html'])).kind === 'file';
    const report = (await resolveInside(root, [name, 'report.pdf'])).kind === 'file';
    entries.push({ name, file, title: await titleOf(join(root, name)), deck, report });
  }
  const page = renderIndex(entries);
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'content-type': TYPES['.html'] ?? '',
    'content-security-policy': page.policy,
  });
  res.end(page.html);
}

async function serveFile(
  res: ServerResponse,
  root: string,
  path: { segments: readonly string[]; trailingSlash: boolean },
  refuse: Refuse,
): Promise<void> {
  const { segments } = path;
  let found = await resolveInside(root, segments);
  if (found.kind === 'directory') {
    if (!path.trailingSlash) {
      res.writeHead(301, { ...COMMON_HEADERS, location: `/${segments.map(encodeURIComponent).join('/')}/` }).end();
      return;
    }
    found = await resolveInside(root, [...segments, 'index.html']);
  }
  const shown = `/${segments.join('/')}`;
  if (found.kind === 'outside')
    return refuse(res, `refused ${JSON.stringify(shown)}: it leads outside the output folder`, `path:${shown}`);
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
}

export interface RouteState {
  /** The comparisons served now. */
  served(): readonly ServedComparison[];
  /** The port listened on. */
  port(): number;
  /** Attaches a client to the event stream. */
  events(req: IncomingMessage, res: ServerResponse): void;
}

/** Checks who asks (Host, Origin), then what (method, path), then answers from the output folder. */
export function createRequestHandler(options: DevServerOptions, state: RouteState) {
  const refuse = createRefuser(options.onRefused);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '/';
    const { host, origin } = req.headers;
    const policy = {
      port: state.port(),
      listen: options.host,
      allowed: options.allowedHosts,
      any: options.allowAnyHost,
    };
    const denied = refuseHost(host, policy) ?? refuseOrigin(origin, host, target.split(/[?#]/, 1)[0] ?? '');
    if (denied !== undefined) return refuse(res, denied, origin === undefined ? `host:${host}` : `origin:${origin}`);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return text(res, 405, 'dev serves GET and HEAD only\n', { allow: 'GET, HEAD' });
    const path = parseRequestPath(target);
    if (!path.ok) return text(res, path.status, `${path.reason}\n`);
    const [first, ...rest] = path.segments;
    if (first === undefined) return serveIndex(res, options.root, state.served());
    if (first === 'favicon.ico' && rest.length === 0) return void res.writeHead(204, COMMON_HEADERS).end();
    if (first === '__riskdeck' && rest.join('/') === 'events') return state.events(req, res);
    if (first === '__riskdeck' && rest.join('/') === 'live.js') {
      res.writeHead(200, { ...COMMON_HEADERS, 'content-type': TYPES['.js'] ?? '' }).end(LIVE_CLIENT);
      return;
    }
    if (!state.served().some((c) => c.name === first))
      return text(res, 404, 'not found: dev serves the comparisons listed at /\n');
    return serveFile(res, options.root, path, refuse);
  };
}
