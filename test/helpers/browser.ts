import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing of its own reaching for the network (this machine has none:
 * without these flags Chromium retries its background connections at every start).
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
