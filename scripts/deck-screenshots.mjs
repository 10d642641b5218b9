// Screenshots of every slide of a built deck at 1280×720, fragments shown, for looking at the deck.
// Usage: node scripts/deck-screenshots.mjs dist/<name>/index.html [/tmp/deck-shots]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [file, out = '/tmp/deck-shots'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/deck-screenshots.mjs dist/<name>/index.html [out-dir]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
await page.goto(`file://${resolve(file)}`);
await page.waitForFunction(() => window.Reveal?.isReady());
await page.evaluate(() => {
  window.Reveal.configure({ transition: 'none', backgroundTransition: 'none' });
  window.Reveal.slide(0, 0);
});
let shots = 0;
for (;;) {
  await page.evaluate(() => {
    for (const f of document.querySelectorAll('.slides section.present .fragment')) f.classList.add('visible');
  });
  await page.waitForTimeout(250);
  await page.screenshot({ path: `${out}/slide-${String(++shots).padStart(2, '0')}.png` });
  const moved = await page.evaluate(() => {
    const before = JSON.stringify(window.Reveal.getIndices());
    do window.Reveal.next();
    while (window.Reveal.getCurrentSlide().querySelector('.fragment:not(.visible)'));
    return before !== JSON.stringify(window.Reveal.getIndices());
  });
  if (!moved) break;
}
console.log(`${shots} screenshots in ${out}`);
await browser.close();
