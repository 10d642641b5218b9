import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, runCli, startDev, waitFor } from '../helpers/dev.js';

let dir: string;
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-dev-start-'));
  mkdirSync(join(dir, 'content'));
  cpSync('test/fixtures/content/minimal.yaml', join(dir, 'content/cmp.yaml'));
  busy = createServer();
  await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
  const address = busy.address();
  busyPort = typeof address === 'object' && address ? address.port : 0;
});

afterAll(async () => {
  await new Promise((done) => busy?.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('riskdeck dev refuses to start, in one line and exit 2, when it cannot serve as asked', () => {
  it.each([
    ['a missing content file', ['nope.md'], /^riskdeck dev: no content file at nope\.md; name an existing/],
    ['a folder named as a file', ['content'], /^riskdeck dev: no content file at content;/],
    [
      'a busy port',
      ['--port', 'BUSY'],
      /^riskdeck dev: cannot listen on 127\.0\.0\.1:\d+: the port is in use; .*--port N/,
    ],
    [
      'an address that is none',
      ['--host', '999.1.1.1'],
      /^riskdeck dev: cannot listen on --host 999\.1\.1\.1: no such address/,
    ],
    [
      'an address of another machine',
      ['--host', '192.0.2.123', '--allowed-host', 'x.lan'],
      /is not an address of this machine/,
    ],
    [
      'an output folder that cannot be written',
      ['--out', '/proc/riskdeck'],
      /^riskdeck dev: cannot write the outputs to /,
    ],
    ['a port out of range', ['--port', '70000'], /^riskdeck dev: --port must be a number from 0 to 65535/],
    ['a port that is no number', ['--port', '12ab'], /^riskdeck dev: --port must be a number/],
    [
      'an allowed host with a scheme',
      ['--allowed-host', 'http://review.lan'],
      /^riskdeck dev: --allowed-host takes a host name/,
    ],
    [
      'an allowed host with a port',
      ['--allowed-host', 'review.lan:4100'],
      /^riskdeck dev: --allowed-host takes a host name/,
    ],
    [
      'a network address without allowed hosts',
      ['--host', '0.0.0.0'],
      /^riskdeck dev: --host 0\.0\.0\.0 makes the review reachable from the network: .*--allowed-host NAME.*--allow-any-host/,
    ],
  ])('%s', async (_what, args, message) => {
    const argv = args.map((a) => (a === 'BUSY' ? String(busyPort) : a));
    const result = await runCli(dir, ['dev', ...(argv.includes('--port') ? [] : ['--port', '0']), ...argv]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).not.toContain('serving');
    expect(result.ms).toBeLessThan(15_000);
  });
});

describe('riskdeck dev stops on a signal', () => {
  it('ends within a second of SIGTERM during its first build, leaving no half-written folder', async () => {
    const child = spawn(process.execPath, [resolve('lib/bundle/bin.cjs'), 'dev', '--port', '0'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await waitFor(() => (out.includes('watching for edits') ? true : undefined), 'dev to start its first build');
    const sent = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    // The bound leaves 10x headroom over the one second promised.
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(code === 0 || code === 143, String(code)).toBe(true);
    expect(out).not.toMatch(/^serving /m);
    expect(out).toContain('stopped serving dist');
    const leftovers = existsSync(join(dir, 'dist')) ? readdirSync(join(dir, 'dist')).filter((n) => n !== 'cmp') : [];
    expect(leftovers).toEqual([]);
  });
});

describe('riskdeck dev beyond loopback', () => {
  it('serves on a network address when given the names to answer, and warns that the review is reachable', async () => {
    const dev = await startDev(dir, ['--host', '0.0.0.0', '--allowed-host', 'review.example.lan']);
    try {
      expect(dev.stderr()).toMatch(/^warning: dev listens on 0\.0\.0\.0: the review is reachable from the network/m);
      // Printed URLs are ones a browser on this machine can open.
      expect(dev.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const host = (name: string) => rawRequest(dev.port, '/cmp/model.json', { Host: name });
      expect((await host(`review.example.lan:${dev.port}`)).status).toBe(200);
      expect((await host(`127.0.0.1:${dev.port}`)).status).toBe(200);
      expect((await host(`evil.example:${dev.port}`)).status).toBe(403);
      expect((await host(`192.0.2.99:${dev.port}`)).status).toBe(403);
    } finally {
      await dev.stop();
    }
  });

  it('answers any Host with --allow-any-host, and warns that DNS rebinding is then possible', async () => {
    const dev = await startDev(dir, ['--host', '0.0.0.0', '--allow-any-host']);
    try {
      expect(dev.stderr()).toMatch(/^warning: dev listens on 0\.0\.0\.0/m);
      expect(dev.stderr()).toMatch(/^warning: --allow-any-host: dev answers any Host name/m);
      const res = await rawRequest(dev.port, '/cmp/model.json', { Host: `anything.example:${dev.port}` });
      expect(res.status).toBe(200);
      // A foreign Origin is still refused: another site may not read the review even then.
      const cross = await rawRequest(dev.port, '/__riskdeck/events', {
        Host: `anything.example:${dev.port}`,
        Origin: 'http://evil.example',
      });
      expect(cross.status).toBe(403);
    } finally {
      await dev.stop();
    }
  });

  it('takes allowed hosts from the config file too', async () => {
    writeFileSync(join(dir, 'riskdeck.config.json'), JSON.stringify({ allowedHosts: ['cfg.example.lan'] }));
    try {
      const dev = await startDev(dir, ['--host', '0.0.0.0']);
      try {
        const res = await rawRequest(dev.port, '/cmp/model.json', { Host: `cfg.example.lan:${dev.port}` });
        expect(res.status).toBe(200);
      } finally {
        await dev.stop();
      }
    } finally {
      rmSync(join(dir, 'riskdeck.config.json'));
    }
  });
});
