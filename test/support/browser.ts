import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, with a fresh profile (Playwright makes one per launch).
 * The background-networking flags matter here: without them Chromium keeps calling
 * home, and this machine's closed network refuses each call.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
