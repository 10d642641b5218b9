import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDev, rawRequest, startDev, waitFor } from '../helpers/dev.js';

const SECRET = 'SECRET-OUTSIDE-DIST-4f1c';
let dir: string;
let dev: RunningDev;

/** Every kind of thing dev serves, the event stream included. */
const PATHS = [
  '/',
  '/cmp',
  '/cmp/',
  '/cmp/index.html',
  '/cmp/report.pdf',
  '/cmp/model.json',
  '/cmp/deck.js',
  '/cmp/reveal/reveal.js',
  '/cmp/fonts/regular.ttf',
  '/__riskdeck/events',
  '/__riskdeck/live.js',
  '/favicon.ico',
  '/nothing-here',
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-dev-security-'));
  mkdirSync(join(dir, 'content'));
  cpSync('test/fixtures/content/minimal.yaml', join(dir, 'content/cmp.yaml'));
  writeFileSync(join(dir, 'secret.txt'), `${SECRET}\n`);
  dev = await startDev(dir, ['--allowed-host', 'review.example.lan']);
  await waitFor(() => (existsSync(join(dir, 'dist/cmp/report.pdf')) ? true : undefined), 'the report');
  // Links inside the output folder: one to a file in it (served), two that lead out of it (never served).
  symlinkSync(join(dir, 'dist/cmp/model.json'), join(dir, 'dist/cmp/inside.json'));
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'dist/cmp/leak.txt'));
  symlinkSync(dir, join(dir, 'dist/cmp/up'));
});

afterAll(async () => {
  await dev?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const own = () => `127.0.0.1:${dev.port}`;
const get = (path: string, headers: Record<string, string> = { Host: own() }) =>
  rawRequest(dev.port, path, headers, { headersOnly: path === '/__riskdeck/events' });

describe('riskdeck dev answers its own host names only', () => {
  it('answers loopback names and --allowed-host names on every path', async () => {
    for (const host of [own(), `localhost:${dev.port}`, `LOCALHOST:${dev.port}`, `[::1]:${dev.port}`]) {
      for (const path of PATHS.filter((p) => p !== '/nothing-here')) {
        const res = await get(path, { Host: host });
        expect([200, 204, 301], `${host} ${path}`).toContain(res.status);
      }
    }
    for (const host of ['review.example.lan', `review.example.lan:${dev.port}`, 'Review.Example.Lan:8443']) {
      expect((await get('/cmp/model.json', { Host: host })).status, host).toBe(200);
    }
  });

  it('refuses a foreign Host with 403 and a one-line reason on every path, and says so once in the terminal', async () => {
    const foreign = [
      `evil.example:${dev.port}`,
      'evil.example',
      `127.0.0.1.evil.example:${dev.port}`,
      `localhost.evil.example:${dev.port}`,
      `localhost:${dev.port + 1}`,
      `review.example.lan.evil.example:${dev.port}`,
      '',
    ];
    for (const host of foreign) {
      for (const path of PATHS) {
        const res = await get(path, { Host: host });
        expect(res.status, `${host} ${path}`).toBe(403);
        expect(res.body).not.toContain('<html');
        expect(res.body).not.toContain('Minimal comparison');
      }
    }
    const body = (await get('/cmp/', { Host: `evil.example:${dev.port}` })).body;
    expect(body).toMatch(/refused a request for Host "evil\.example:\d+".*--allowed-host evil\.example/);
    // HTTP/1.0 without any Host header.
    expect((await rawRequest(dev.port, '/cmp/model.json', {}, { version: '1.0' })).status).toBe(403);
    await waitFor(() => (dev.stderr().includes(`Host "evil.example:${dev.port}"`) ? true : undefined), 'the notice');
    const notices = dev
      .stderr()
      .split('\n')
      .filter((l) => l.includes(`Host "evil.example:${dev.port}"`));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^riskdeck dev: refused a request for Host/);
  });

  it('refuses a foreign Origin on the event stream, the live script and the deck', async () => {
    for (const path of ['/__riskdeck/events', '/__riskdeck/live.js', '/cmp/', '/cmp/model.json']) {
      for (const origin of ['http://evil.example', `http://evil.example:${dev.port}`, 'null', `https://${own()}`]) {
        expect((await get(path, { Host: own(), Origin: origin })).status, `${origin} ${path}`).toBe(403);
      }
      const same = await get(path, { Host: own(), Origin: `http://${own()}` });
      expect(same.status, path).toBe(200);
    }
    const events = await get('/__riskdeck/events', { Host: own() });
    expect(events.headers['content-type']).toBe('text/event-stream');
  });

  it('sends no CORS header, and no-store and nosniff on every response; the CSP on every HTML page', async () => {
    const requests = [
      ...PATHS.map((p) => get(p)),
      ...PATHS.map((p) => get(p, { Host: 'evil.example' })),
      get('/__riskdeck/events', { Host: own(), Origin: 'http://evil.example' }),
      rawRequest(
        dev.port,
        '/cmp/model.json',
        {
          Host: own(),
          Origin: `http://${own()}`,
          'Access-Control-Request-Method': 'GET',
        },
        { method: 'OPTIONS' },
      ),
      get('/cmp/../../secret.txt'),
    ];
    for (const res of await Promise.all(requests)) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      if (res.headers['content-type']?.startsWith('text/html')) {
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      }
    }
    const deck = await get('/cmp/');
    expect(deck.headers['content-security-policy']).toContain("script-src 'self'");
    expect(deck.headers['content-security-policy']).toContain("connect-src 'self'");
    const index = await get('/');
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['content-security-policy']).toMatch(/^default-src 'none'/);
  });
});

describe('riskdeck dev serves nothing outside the output folder', () => {
  it('serves a link that stays inside the output folder', async () => {
    expect(lstatSync(join(dir, 'dist/cmp/inside.json')).isSymbolicLink()).toBe(true);
    const res = await get('/cmp/inside.json');
    expect(res.status).toBe(200);
    expect(res.body).toContain('"systems"');
  });

  it.each([
    '/../secret.txt',
    '/cmp/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/cmp/%2e%2e/%2e%2e/secret.txt',
    '/cmp/%2E%2E/%2E%2E/secret.txt',
    '/cmp/..%2f..%2fsecret.txt',
    '/cmp/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/cmp/%252e%252e%252f%252e%252e%252fsecret.txt',
    '/cmp/%252e%252e/%252e%252e/secret.txt',
    '/cmp/..\\..\\secret.txt',
    '/cmp/..%5c..%5csecret.txt',
    '/cmp/%5c..%5c..%5csecret.txt',
    '/cmp/model.json%00.html',
    '/cmp/%00/../../secret.txt',
    '/cmp/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt',
    '//secret.txt',
    '/cmp//../../secret.txt',
    `/${'x/'.repeat(3)}..%2f..%2f..%2f..%2fsecret.txt`,
    '/cmp/leak.txt',
    '/cmp/up/secret.txt',
    '/cmp/up/content/cmp.yaml',
    '/content/cmp.yaml',
    '/secret.txt',
    'http://evil.example/secret.txt',
    '*',
  ])('refuses %s', async (path) => {
    expect(lstatSync(join(dir, 'dist/cmp/leak.txt')).isSymbolicLink()).toBe(true);
    const res = await get(path);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('systems:');
  });

  it('redirects a folder to its slash without making the redirect leave the server', async () => {
    const res = await get('/cmp');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/cmp/');
    expect((await get('//evil.example/cmp')).status).not.toBe(301);
  });
});
