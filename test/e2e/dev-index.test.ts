import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll, waitFor } from '../helpers/dev.js';

let dir: string;
let child: ChildProcess;
let base: string;
let out = '';
let err = '';

const MINIMAL = readFileSync('test/fixtures/content/minimal.yaml', 'utf8');
const SECOND = 'content/Übersicht 2026 — 字.yaml';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-dev-index-'));
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content/cmp.yaml'), MINIMAL);
  writeFileSync(join(dir, SECOND), MINIMAL.replace('title: Minimal comparison', 'title: "Übersicht: 字 & <Co>"'));
  child = spawn(process.execPath, [resolve('lib/bundle/bin.cjs'), 'dev', '--port', '0'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  let edited = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    // An edit saved as soon as dev says it watches, while its first build runs.
    if (!edited && out.includes('watching for edits')) {
      edited = true;
      writeFileSync(
        join(dir, 'content/cmp.yaml'),
        MINIMAL.replace('Minimal comparison', 'Saved during the first build'),
      );
    }
  });
  base = await waitFor(() => /serving (http:\/\/\S+:\d+)\//.exec(out)?.[1], 'dev to start serving');
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const title = async (name: string) => {
  const res = await fetch(`${base}/${name}/model.json`);
  return res.ok ? ((await res.json()) as { meta: { title: string } }).meta.title : undefined;
};

describe('riskdeck dev: what it serves and prints', () => {
  it('watches before its first build, so an edit saved during that build is built', async () => {
    expect(out.indexOf('watching for edits')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('watching for edits')).toBeLessThan(out.indexOf('rebuilt the deck'));
    await poll(
      async () => ((await title('cmp')) === 'Saved during the first build' ? true : undefined),
      'the edit saved during the first build to be served',
    );
  });

  it("prints each deck's own URL and its report's, and both answer", async () => {
    // The reports follow the decks; wait for both of the first build's (a failed one shows in stderr).
    await waitFor(
      () => (['content/cmp.yaml', SECOND].every((f) => out.includes(`rebuilt the report of ${f}`)) ? true : undefined),
      'both reports',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${err}`);
    });
    const lines = [...out.matchAll(/^ {2}(.+): deck (http\S+) {2}report (http\S+)$/gm)];
    expect(lines.map((m) => m[1])).toEqual(['content/cmp.yaml', SECOND]);
    for (const [, , deck, report] of lines) {
      expect((await fetch(deck ?? '')).status, deck).toBe(200);
      const pdf = await fetch(report ?? '');
      expect(pdf.status, `${report}\n${err}`).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
    }
  });

  it('lists every comparison at /, titles escaped, with links that answer', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Übersicht: 字 &amp; &lt;Co&gt;');
    expect(html).not.toContain('<Co>');
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(links).toEqual(
      expect.arrayContaining([
        '/cmp/',
        '/cmp/report.pdf',
        '/cmp/model.json',
        '/ubersicht-2026/',
        '/ubersicht-2026/report.pdf',
      ]),
    );
    for (const link of links) expect((await fetch(`${base}${link}`)).status, link).toBe(200);
  });

  it('stops serving the outputs of a deleted content file, and serves them again when it comes back', async () => {
    expect((await fetch(`${base}/ubersicht-2026/`)).status).toBe(200);
    unlinkSync(join(dir, SECOND));
    await waitFor(() => (out.includes('no longer serving /ubersicht-2026/') ? true : undefined), 'the removal');
    // The folder is still on disk (dev deletes nothing of the user's), but it is not served or listed.
    expect(existsSync(join(dir, 'dist/ubersicht-2026/index.html'))).toBe(true);
    expect((await fetch(`${base}/ubersicht-2026/`)).status).toBe(404);
    expect((await fetch(`${base}/ubersicht-2026/model.json`)).status).toBe(404);
    expect(await (await fetch(`${base}/`)).text()).not.toContain('ubersicht-2026');
    writeFileSync(join(dir, SECOND), MINIMAL.replace('Minimal comparison', 'Back again'));
    await waitFor(
      () => (out.includes(`now serving ${SECOND}\n  ${SECOND}: deck ${base}/ubersicht-2026/`) ? true : undefined),
      'its URL to be printed',
    );
    await poll(async () => ((await title('ubersicht-2026')) === 'Back again' ? true : undefined), 'its return');
  });
});
