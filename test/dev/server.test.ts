import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectLiveClient } from '../../src/dev/html.js';
import { type DevServer, startDevServer } from '../../src/dev/server.js';
import { DECK_CSP } from '../helpers/csp.js';
import { openEventStream, rawRequest } from './raw-requests.js';

/**
 * The dev server's request handling, in process (so that `npm run mutate` can reach it), with request
 * lines sent byte for byte: the path guard must hold for what a hostile page or tool can send, not only
 * for what a normalising client sends.
 */
const CANARY = `canary-${randomBytes(8).toString('hex')}`;
let root: string;
let dist: string;
let dev: DevServer;
const refused: string[] = [];
const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(dev.port, `GET ${path} HTTP/1.1`, headers);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'riskdeck-dev-raw-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'cmp/fonts'), { recursive: true });
  mkdirSync(join(dist, 'unlisted'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), CANARY);
  writeFileSync(join(root, 'dist-secret.txt'), CANARY);
  writeFileSync(join(dist, 'unlisted/model.json'), CANARY);
  writeFileSync(
    join(dist, 'cmp/index.html'),
    `<html><head><meta http-equiv="Content-Security-Policy" content="${DECK_CSP}"><title>Deck</title></head><body>deck</body></html>`,
  );
  writeFileSync(join(dist, 'cmp/model.json'), '{"meta":{"title":"Cmp & <co>"}}');
  writeFileSync(join(dist, 'cmp/fonts/regular.TTF'), 'font');
  writeFileSync(join(dist, 'cmp/notes.unknown'), 'bytes');
  symlinkSync(join(root, 'secret.txt'), join(dist, 'cmp/leak.txt'));
  dev = await startDevServer({
    root: dist,
    host: '127.0.0.1',
    port: 0,
    allowedHosts: [],
    allowAnyHost: false,
    onRefused: (reason) => refused.push(reason),
  });
  dev.serve([{ name: 'cmp', file: 'content/cmp.yaml' }]);
});
afterAll(async () => {
  await dev?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('dev server path guard (raw request lines)', () => {
  it.each([
    '/../../secret.txt',
    '/cmp/../../secret.txt',
    '/..%2f..%2fsecret.txt',
    '/cmp/..%2f..%2fsecret.txt',
    '/%2e%2e/%2e%2e/secret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/cmp/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '/..%5c..%5csecret.txt',
    '/..\\..\\secret.txt',
    '/cmp/.%2e/.%2e/secret.txt',
    '/cmp//etc/passwd',
    '/cmp/%00/../x',
    '/..%2fdist-secret.txt',
  ])('refuses %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(403);
    expect(response.body).not.toContain(CANARY);
    expect(response.body).not.toContain('root:');
  });

  it.each(['/..%252f..%252fsecret.txt', '/%252e%252e%252fsecret.txt', '/cmp/%252e%252e/secret.txt'])(
    'serves nothing outside for the double-encoded %s',
    async (path) => {
      const response = await get(path);
      expect([403, 404]).toContain(response.status);
      expect(response.body).not.toContain(CANARY);
    },
  );

  it('refuses a symlink that leads out of the output folder, and says so once', async () => {
    const response = await get('/cmp/leak.txt');
    expect(response.status).toBe(403);
    expect(response.body).toBe('refused "/cmp/leak.txt": it leads outside the output folder\n');
    await get('/cmp/leak.txt');
    expect(refused.filter((r) => r.includes('leak.txt'))).toHaveLength(1);
  });

  it('answers a malformed escape with 400, a target that is not a path with 400', async () => {
    expect((await get('/cmp/%E0%A4%A')).status).toBe(400);
    expect((await get('*')).status).toBe(400);
  });

  it('serves only the folders of the comparisons being served', async () => {
    const unlisted = await get('/unlisted/model.json');
    expect(unlisted.status).toBe(404);
    expect(unlisted.body).not.toContain(CANARY);
  });

  it('answers GET and HEAD only', async () => {
    const post = await rawRequest(dev.port, 'POST /cmp/model.json HTTP/1.1', { 'content-length': '0' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await rawRequest(dev.port, 'HEAD /cmp/model.json HTTP/1.1')).status).toBe(200);
  });
});

describe('dev server responses', () => {
  it('serves the deck with the live client added, under the deck policy plus connect-src self', async () => {
    const deck = await get('/cmp/');
    expect(deck.status).toBe(200);
    expect(deck.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(deck.headers['cache-control']).toBe('no-store');
    expect(deck.headers['x-content-type-options']).toBe('nosniff');
    expect(deck.body).toContain('<script src="/__riskdeck/live.js"></script>\n</body>');
    expect(/content="([^"]*)"/.exec(deck.body)?.[1]).toBe(`${DECK_CSP}; connect-src 'self'`);
    expect(deck.headers['content-security-policy']).toBe(`${DECK_CSP}; connect-src 'self'; frame-ancestors 'self'`);
  });

  it('redirects a folder without its slash, so relative asset paths resolve', async () => {
    const response = await get('/cmp');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/cmp/');
  });

  it('serves files with their type, unknown ones as bytes, and 404 with a hint', async () => {
    const model = await get('/cmp/model.json');
    expect(model).toMatchObject({ status: 200, body: '{"meta":{"title":"Cmp & <co>"}}' });
    expect(model.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await get('/cmp/fonts/regular.TTF')).headers['content-type']).toBe('font/ttf');
    expect((await get('/cmp/notes.unknown')).headers['content-type']).toBe('application/octet-stream');
    const missing = await get('/cmp/report.pdf');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('not found (yet)');
    expect((await get('/favicon.ico')).status).toBe(204);
  });

  it('lists the served comparisons at /, their titles escaped', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<strong>Cmp &amp; &lt;co&gt;</strong> <small>content/cmp.yaml</small>');
    expect(index.body).toContain('<a href="/cmp/">deck</a>');
    expect(index.body).toContain('<span>report not built yet</span>');
    expect(index.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
  });

  it('serves the live client without caching', async () => {
    const client = await get('/__riskdeck/live.js');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(client.headers['cache-control']).toBe('no-store');
    expect(client.body).toContain("new EventSource('/__riskdeck/events')");
  });

  it('streams reload, report and error events, and replays a standing error to a new client', async () => {
    const stream = openEventStream(dev.port);
    await stream.until(': connected\n\n');
    expect(stream.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*content-type: text\/event-stream/i);
    dev.reload('cmp');
    await stream.until('event: reload\ndata: {"name":"cmp"}\n\n');
    dev.report('cmp');
    await stream.until('event: report\ndata: {"name":"cmp"}\n\n');
    dev.error('content/cmp.yaml:3:1  bad');
    await stream.until('event: build-error\ndata: {"message":"content/cmp.yaml:3:1  bad"}\n\n');

    const late = openEventStream(dev.port);
    await late.until('event: build-error\ndata: {"message":"content/cmp.yaml:3:1  bad"}\n\n');
    dev.ok();
    await stream.until('event: build-ok\ndata: {}\n\n');
    await late.until('event: build-ok\ndata: {}\n\n');

    const fresh = openEventStream(dev.port);
    await fresh.until(': connected\n\n');
    dev.reload();
    await fresh.until('event: reload\ndata: {}\n\n');
    expect(fresh.text()).not.toContain('build-error');
    for (const s of [stream, late, fresh]) s.socket.destroy();
  });
});

describe('injectLiveClient', () => {
  it('replaces any connect-src with self and adds the script before </body>', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'; img-src 'self'"><body>x</body>`;
    expect(injectLiveClient(html)).toBe(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; connect-src 'self'"><body>x<script src="/__riskdeck/live.js"></script>\n</body>`,
    );
  });

  it('appends the script to a page without </body>', () => {
    expect(injectLiveClient('<p>x</p>')).toBe('<p>x</p>\n<script src="/__riskdeck/live.js"></script>');
  });
});
