import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DevServer, type DevServerOptions, startDevServer } from '../../src/dev/server.js';
import { openEventStream, rawRequest } from './raw-requests.js';

/** Starting and stopping the dev server, and its event stream's clients coming and going. */
let root: string;
const started: DevServer[] = [];
const options = (): DevServerOptions => ({
  root,
  host: '127.0.0.1',
  port: 0,
  allowedHosts: [],
  allowAnyHost: false,
  onRefused: () => {},
});
const start = async (overrides: Partial<DevServerOptions> = {}) => {
  const dev = await startDevServer({ ...options(), ...overrides });
  started.push(dev);
  return dev;
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'riskdeck-dev-life-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((dev) => dev.close()));
  rmSync(root, { recursive: true, force: true });
});

describe('dev server lifecycle', () => {
  it('listens on a port the system chooses, and refuses a port in use with the system error', async () => {
    const dev = await start();
    expect(dev.port).toBeGreaterThan(0);
    expect((await rawRequest(dev.port, 'GET /favicon.ico HTTP/1.1')).status).toBe(204);
    await expect(start({ port: dev.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('lists nothing until it is told what to serve', async () => {
    const dev = await start();
    const index = await rawRequest(dev.port, 'GET / HTTP/1.1');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<p>No content files are being served.</p>');
  });

  it('answers HEAD on the event stream with its headers only, and does not hold it open', async () => {
    const dev = await start();
    // The stream's response says keep-alive: read up to the end of its head instead of the socket's end.
    const socket = connect(dev.port, '127.0.0.1');
    socket.write(`HEAD /__riskdeck/events HTTP/1.1\r\nhost: 127.0.0.1:${dev.port}\r\n\r\n`);
    let head = '';
    for await (const chunk of socket) {
      head += String(chunk);
      if (head.includes('\r\n\r\n')) break;
    }
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toMatch(/\r\ncontent-type: text\/event-stream\r\n/i);
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    // Not a client: a reload sends it nothing.
    dev.reload();
    const next = openEventStream(dev.port);
    await next.until(': connected\n\n');
    dev.reload();
    await next.until('event: reload');
    next.socket.destroy();
  });

  it('keeps sending to the clients still connected after one goes away', async () => {
    const dev = await start();
    const gone = openEventStream(dev.port);
    const staying = openEventStream(dev.port);
    await gone.until(': connected\n\n');
    await staying.until(': connected\n\n');
    gone.socket.destroy();
    await once(gone.socket, 'close');
    dev.reload('cmp');
    dev.report('cmp');
    await staying.until('event: report\ndata: {"name":"cmp"}\n\n');
    expect(staying.text()).toContain('event: reload\ndata: {"name":"cmp"}\n\n');
    staying.socket.destroy();
  });

  it('ends open event streams when it closes', async () => {
    const dev = await start();
    const stream = openEventStream(dev.port);
    await stream.until(': connected\n\n');
    const ended = once(stream.socket, 'close');
    await dev.close();
    await ended;
    expect(stream.socket.destroyed).toBe(true);
  });
});
