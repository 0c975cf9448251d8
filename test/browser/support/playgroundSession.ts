import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { consoleLogger, quietLogger } from '../../../bot/log';
import { CONTROL_PATH } from '../../../tools/partnerCenterSimulator/controlRoutes';
import { startPlaygroundStack, type PlaygroundStack } from '../../../tools/playground/playgroundStack';
import { TestClock } from '../../support/botHarness';
import { launchChromium } from './chromium';
import { PlaygroundPage } from './playgroundPage';

/** Screenshots of failures and of the docs go here; CI prints the folder. */
export const BROWSER_OUTPUT = resolve('test-output', 'browser');

/**
 * Everything `npm run playground` starts (the bot with in-memory storage and the Agents
 * Playground, each on a free port) plus headless Chromium, for one test.
 */
export class PlaygroundSession {
  readonly clock = new TestClock();
  stack!: PlaygroundStack;
  private browser!: Browser;
  private readonly contexts: BrowserContext[] = [];

  async start(): Promise<this> {
    mkdirSync(BROWSER_OUTPUT, { recursive: true });
    const debug = Boolean(process.env.DEBUG_BOT);
    this.stack = await startPlaygroundStack({
      env: {
        PORT: '0',
        PARTNER_CENTER_SIMULATOR_PORT: '0',
        CARD_RETRY_INTERVAL_SECONDS: '3600',
      },
      playgroundPort: await freePort(),
      openBrowser: false,
      log: debug ? consoleLogger : quietLogger,
      playgroundLogFile: join(BROWSER_OUTPUT, 'agentsplayground.log'),
      onPlaygroundOutput: debug ? (line) => console.log(`[playground] ${line}`) : undefined,
      clock: this.clock.read,
    });
    this.browser = await launchChromium();
    return this;
  }

  /** A new browser window on the Playground: another client that sees the same channels. */
  async openPage(): Promise<PlaygroundPage> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    this.contexts.push(context);
    const page = new PlaygroundPage(await context.newPage());
    await page.open(this.stack.playground.url);
    return page;
  }

  /**
   * Puts a referral into the desk's local Partner Center, as `npm run demo` does: its webhook
   * brings the referral to the desk, and what is decided on the card is written back to it.
   */
  async deliver(referral: unknown): Promise<{ status: number; body: unknown }> {
    const simulator = this.stack.app.simulatorUrl;
    if (!simulator) throw new Error('the Playground stack runs no local Partner Center');
    const response = await fetch(`${simulator}${CONTROL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ referral }),
    });
    return { status: response.status, body: await response.json() };
  }

  /** Saves a screenshot of every open page under `name`; returns the files written. */
  async screenshots(name: string): Promise<string[]> {
    const files: string[] = [];
    for (const [i, context] of this.contexts.entries()) {
      for (const [j, page] of context.pages().entries()) {
        const file = join(BROWSER_OUTPUT, `${name}-${i + 1}${j ? `-${j + 1}` : ''}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        files.push(file);
      }
    }
    return files;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.stack?.stop();
  }
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
