import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium package; CI installs it with apt-get. Never a downloaded browser. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless Chromium that stays off the network: no background services, no QUIC, and
 * every request outside localhost refused by the page's router (see `keepLocal`).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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
