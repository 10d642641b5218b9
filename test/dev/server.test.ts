import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, injectLiveClient, startDevServer } from '../../src/dev/server.js';
import { DECK_CSP } from '../helpers/csp.js';
import { openEventStream, rawRequest } from './raw-requests.js';

/**
 * The dev server's request handling, in process, with request lines sent byte for byte: the path guard
 * must hold for what a hostile page or tool can send, not only for what a normalising client sends.
 */
const CANARY = `canary-${randomBytes(8).toString('hex')}`;
let root: string;
let dist: string;
let dev: DevServer;
let port: number;
const get = (path: string) => rawRequest(port, `GET ${path} HTTP/1.1`);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'riskdeck-dev-raw-'));
  dist = join(root, 'dist');
  mkdirSync(join(dist, 'cmp/fonts'), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), CANARY);
  writeFileSync(join(root, 'dist-secret.txt'), CANARY);
  writeFileSync(
    join(dist, 'cmp/index.html'),
    `<html><head><meta http-equiv="Content-Security-Policy" content="${DECK_CSP}"><title>Deck</title></head><body>deck</body></html>`,
  );
  writeFileSync(join(dist, 'cmp/model.json'), '{"meta":{"title":"Cmp"}}');
  writeFileSync(join(dist, 'cmp/fonts/regular.TTF'), 'font');
  writeFileSync(join(dist, 'cmp/notes.unknown'), 'bytes');
  dev = await startDevServer(dist, '127.0.0.1', 0);
  port = (dev.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await dev?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('dev server path guard (raw request lines)', () => {
  it.each([
    '/..%2f..%2fsecret.txt',
    '/..%2fsecret.txt',
    '/cmp/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '..%2fsecret.txt',
  ])('refuses %s, an escape from the served folder once decoded', async (path) => {
    const response = await get(path);
    expect([400, 403]).toContain(response.status);
    expect(response.body).not.toContain(CANARY);
    expect(response.body).not.toContain('root:');
  });

  it('refuses a sibling whose name starts like the served folder', async () => {
    const response = await get('/..%2fdist-secret.txt');
    expect(response.status).toBe(403);
    expect(response.body).not.toContain(CANARY);
  });

  it.each([
    '/../../secret.txt',
    '/cmp/../../../etc/passwd',
    '/%2e%2e/%2e%2e/secret.txt',
    '/cmp/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%252f..%252fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/..\\..\\secret.txt',
  ])('never serves a file outside for %s (dot segments, double encoding, backslashes)', async (path) => {
    const response = await get(path);
    expect(response.status).not.toBe(200);
    expect(response.body).not.toContain(CANARY);
    expect(response.body).not.toContain('root:');
  });

  it('answers a malformed escape with 400 and a NUL with no file', async () => {
    expect((await get('/cmp/%E0%A4%A')).status).toBe(400);
    const nul = await get('/cmp/index.html%00.png');
    expect(nul.status).toBe(404);
  });
});

describe('dev server responses', () => {
  it('serves the deck with the live client added, under the deck policy plus connect-src self', async () => {
    const deck = await get('/cmp/');
    expect(deck.status).toBe(200);
    expect(deck.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(deck.headers['cache-control']).toBe('no-store');
    expect(deck.body).toContain('<script src="/__riskdeck/live.js"></script>\n</body>');
    expect(/content="([^"]*)"/.exec(deck.body)?.[1]).toBe(`${DECK_CSP}; connect-src 'self'`);
  });

  it('redirects a folder without its slash, so relative asset paths resolve', async () => {
    const response = await get('/cmp');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/cmp/');
  });

  it('serves files with their type, unknown ones as bytes, and 404 with a hint', async () => {
    const model = await get('/cmp/model.json');
    expect(model).toMatchObject({ status: 200, body: '{"meta":{"title":"Cmp"}}' });
    expect(model.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await get('/cmp/fonts/regular.TTF')).headers['content-type']).toBe('font/ttf');
    expect((await get('/cmp/notes.unknown')).headers['content-type']).toBe('application/octet-stream');
    const missing = await get('/cmp/report.pdf');
    expect(missing).toMatchObject({ status: 404, body: 'not found (yet): is the build done?' });
    expect((await get('/favicon.ico')).status).toBe(204);
  });

  it('serves the live client without caching', async () => {
    const client = await get('/__riskdeck/live.js');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(client.headers['cache-control']).toBe('no-store');
    expect(client.body).toContain("new EventSource('/__riskdeck/events')");
  });

  it('streams reload, report and error events, and replays a standing error to a new client', async () => {
    const stream = openEventStream(port);
    await stream.until(': connected\n\n');
    expect(stream.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*content-type: text\/event-stream/i);
    dev.reload('cmp');
    await stream.until('event: reload\ndata: {"name":"cmp"}\n\n');
    dev.report('cmp');
    await stream.until('event: report\ndata: {"name":"cmp"}\n\n');
    dev.error('content/cmp.yaml:3:1  bad');
    await stream.until('event: build-error\ndata: {"message":"content/cmp.yaml:3:1  bad"}\n\n');

    const late = openEventStream(port);
    await late.until('event: build-error\ndata: {"message":"content/cmp.yaml:3:1  bad"}\n\n');
    dev.ok();
    await stream.until('event: build-ok\ndata: {}\n\n');
    await late.until('event: build-ok\ndata: {}\n\n');

    const fresh = openEventStream(port);
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
