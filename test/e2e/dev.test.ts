import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = resolve('lib/bundle/bin.cjs');
let dir: string;
let child: ChildProcess;
let base: string;
const events: { event: string; data: string }[] = [];

function waitFor<T>(check: () => T | undefined, what: string, timeout = 20_000): Promise<T> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const tick = () => {
      const value = check();
      if (value !== undefined) return done(value);
      if (Date.now() - started > timeout) return fail(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 25);
    };
    tick();
  });
}

async function fetchText(path: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-dev-'));
  mkdirSync(join(dir, 'content'));
  cpSync('test/fixtures/content/minimal.yaml', join(dir, 'content/cmp.yaml'));
  child = spawn(process.execPath, [BIN, 'dev', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  base = await waitFor(() => /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1], 'the dev server to start');
  let connected = false;
  get(`${base}/__riskdeck/events`, (res) => {
    let buffer = '';
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      connected ||= buffer.includes(': connected');
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) events.push({ event, data: data ?? '' });
        end = buffer.indexOf('\n\n');
      }
    });
  });
  await waitFor(() => (connected ? true : undefined), 'the event stream to connect');
});

afterAll(() => {
  child?.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

describe('riskdeck dev (built CLI)', () => {
  const file = () => join(dir, 'content/cmp.yaml');
  const model = async () => JSON.parse((await fetchText('/cmp/model.json')).body) as { meta: { title: string } };

  it('binds to 127.0.0.1 and serves the built outputs', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await model()).meta.title).toBe('Minimal comparison');
    expect((await fetchText('/../../etc/passwd')).status).not.toBe(200);
  });

  it('rebuilds on save and tells connected clients to reload', async () => {
    const seen = events.length;
    writeFileSync(file(), readFileSync(file(), 'utf8').replace('Minimal comparison', 'Edited comparison'));
    await waitFor(() => events.slice(seen).find((e) => e.event === 'reload'), 'a reload event');
    expect((await model()).meta.title).toBe('Edited comparison');
    // The deck is written first, keeping the last report; the report follows.
    await waitFor(() => events.slice(seen).find((e) => e.event === 'report'), 'the report to be rebuilt');
    const order = events.slice(seen).map((e) => e.event);
    expect(order.indexOf('reload')).toBeLessThan(order.indexOf('report'));
  });

  it('sees every save of an editor that writes a new file and renames it over the old one', async () => {
    for (const title of ['Renamed once', 'Renamed twice']) {
      const seen = events.length;
      const temp = join(dir, 'content/.cmp.yaml.swp');
      writeFileSync(temp, readFileSync(file(), 'utf8').replace(/^title: .*$/m, `title: ${title}`));
      renameSync(temp, file());
      await waitFor(() => events.slice(seen).find((e) => e.event === 'reload'), `a reload after "${title}"`);
      expect((await model()).meta.title).toBe(title);
    }
    const seen = events.length;
    writeFileSync(file(), readFileSync(file(), 'utf8').replace(/^title: .*$/m, 'title: Edited comparison'));
    await waitFor(() => events.slice(seen).find((e) => e.event === 'reload'), 'a reload after an in-place write');
  });

  it('keeps serving the last good outputs on a broken edit, reports the error, and recovers', async () => {
    const seen = events.length;
    const good = readFileSync(file(), 'utf8');
    writeFileSync(file(), good.replace('likelihood: 4', 'likelihood: 11'));
    const error = await waitFor(() => events.slice(seen).find((e) => e.event === 'build-error'), 'a build error');
    expect(JSON.parse(error.data).message).toContain('content/cmp.yaml:14:44  threats[0].assessments.alpha.likelihood');
    expect((await model()).meta.title).toBe('Edited comparison');
    const after = events.length;
    writeFileSync(file(), good.replace('Edited comparison', 'Fixed comparison'));
    await waitFor(() => events.slice(after).find((e) => e.event === 'build-ok'), 'the error to clear');
    await waitFor(() => events.slice(after).find((e) => e.event === 'reload'), 'a reload after the fix');
    expect((await model()).meta.title).toBe('Fixed comparison');
  });

  it('serves the deck with the live-reload client added under its Content-Security-Policy', async () => {
    const deck = await fetchText('/cmp/');
    expect(deck.type).toContain('text/html');
    expect(deck.body).toContain('<script src="/__riskdeck/live.js"></script>');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(deck.body)?.[1] ?? '';
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(deck.body).toContain('<title>Fixed comparison</title>');
    expect((await fetchText('/cmp/report.pdf')).status).toBe(200);
  });

  it('serves the live-reload client', async () => {
    const client = await fetchText('/__riskdeck/live.js');
    expect(client.type).toContain('javascript');
    expect(client.body).toContain("new EventSource('/__riskdeck/events')");
  });
});
