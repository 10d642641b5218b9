/// <reference lib="dom" />
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { requireTool } from '../helpers/tools.js';

const chromiumTool = requireTool('chromium');
let dir: string;
let child: ChildProcess;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (chromiumTool.skip) return;
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-dev-browser-'));
  mkdirSync(join(dir, 'content'));
  cpSync('content/runc-vs-kata.md', join(dir, 'content/cmp.md'));
  child = spawn(process.execPath, [resolve('lib/bundle/bin.cjs'), 'dev', '--port', '0'], { cwd: dir, stdio: 'pipe' });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const started = Date.now();
  while (!/serving (http:\/\/\S+)\//.test(out)) {
    if (Date.now() - started > 30_000) throw new Error(`dev did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  base = /serving (http:\/\/\S+)\//.exec(out)?.[1] ?? '';
  browser = await launchChromium(chromiumTool.path ?? '/usr/bin/chromium');
});

afterAll(async () => {
  await browser?.close();
  // Remove the folder only once dev has exited: a rebuild still writing would race the removal.
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(chromiumTool.skip)('riskdeck dev in a browser', () => {
  it('reloads on the same slide after an edit, and shows a bad edit over the deck until it is fixed', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${base}/cmp/`);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(5));
    const file = join(dir, 'content/cmp.md');
    const good = readFileSync(file, 'utf8');

    const reloaded = page.waitForEvent('load');
    writeFileSync(file, good.replace('Kata Containers have an edge', 'Kata Containers have a clear edge'));
    await reloaded;
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    await page.waitForFunction(
      () => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h === 5,
    );
    expect(await page.textContent('.slides')).toContain('Kata Containers have a clear edge');

    writeFileSync(file, good.replace('likelihood: 3\n        impact: 5', 'likelihood: 9\n        impact: 5'));
    const overlay = await page.waitForSelector('#riskdeck-error-overlay', { timeout: 20_000 });
    expect(await overlay.textContent()).toMatch(
      /content\/cmp\.md:\d+:\d+ {2}threats\[0\]\.assessments\.runc\.likelihood: is 9/,
    );
    expect(await page.textContent('.slides')).toContain('Kata Containers have a clear edge');

    writeFileSync(file, good);
    await page.waitForSelector('#riskdeck-error-overlay', { state: 'detached', timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('.slides')?.textContent?.includes('have an edge due to'));
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('lists the comparisons at / under its own CSP and opens the deck from there', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${base}/`);
    // The inline style is allowed by its hash: the page is laid out, not unstyled.
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('832px');
    await page.click('a[href="/cmp/"]');
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    expect(page.url()).toMatch(new RegExp(`^${base}/cmp/(#.*)?$`));
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  });

  it('opens the speaker view of a served deck: its previews may frame the deck', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${base}/cmp/`);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    const errors: string[] = [];
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    popup.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await popup.waitForFunction(() => document.querySelectorAll('iframe').length >= 2, undefined, { timeout: 15_000 });
    await waitForPreview(popup);
    expect(errors.filter((e) => /Content Security Policy|frame-ancestors|Refused/i.test(e))).toEqual([]);
    await popup.close();
    await page.close();
  });
});

/** Until a preview frame of the speaker view shows the deck (reveal.js ready inside it). */
async function waitForPreview(popup: import('playwright-core').Page): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    for (const frame of popup.frames()) {
      if (!frame.url().includes('/cmp/')) continue;
      const ready = await frame
        .evaluate(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true)
        .catch(() => false);
      if (ready) return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no preview frame of the speaker view showed the deck');
}
