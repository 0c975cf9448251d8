import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { startApp, type RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/config';
import { signBody, SIGNATURE_HEADER } from '../../bot/http/signature';
import { consoleLogger, quietLogger } from '../../bot/log';
import type { Services } from '../../bot/services';
import { ConnectorStandIn } from './connectorStandIn';
import { NOW } from './fixtures';
import { embeddedConnectionString } from './rootHooks';

export interface HttpAnswer {
  status: number;
  body: any;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now: DateTime = NOW) {}
  readonly read = () => this.now;
  advance(duration: { hours?: number; minutes?: number; days?: number; seconds?: number }): void {
    this.now = this.now.plus(duration);
  }
}

/**
 * The real bot over real HTTP: its server on a free port, its own tables in the shared
 * embedded Azurite, and a Bot Connector stand-in as the `serviceUrl` of every activity.
 */
export class BotHarness {
  readonly connector = new ConnectorStandIn();
  readonly clock = new TestClock();
  app!: RunningApp;
  services!: Services;

  constructor(private readonly env: Record<string, string> = {}) {}

  async start(): Promise<this> {
    await this.connector.start();
    const config = loadConfig({
      PORT: '0',
      TABLES_CONNECTION_STRING: embeddedConnectionString(),
      TABLE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      CARD_RETRY_INTERVAL_SECONDS: '3600',
      SCHEDULER_INTERVAL_SECONDS: '3600',
      ...this.env,
    });
    this.app = await startApp({ config, log: process.env.DEBUG_BOT ? consoleLogger : quietLogger, clock: this.clock.read, messenger: { baseDelayMs: 5, maxDelayMs: 20 } });
    this.services = await this.app.ready;
    return this;
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    await this.connector.stop();
  }

  get serviceUrl(): string {
    return this.connector.url;
  }

  /** POSTs an activity to /api/messages as Teams would. */
  async activity(activity: object, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.post('/api/messages', JSON.stringify(activity), headers);
  }

  /** POSTs a referral delivery, signed with `secret` when given. */
  async deliver(body: unknown, secret?: string): Promise<HttpAnswer> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return this.post('/api/referrals', text, secret ? { [SIGNATURE_HEADER]: signBody(text, secret) } : {});
  }

  async post(path: string, body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const response = await fetch(`${this.app.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** One scheduler pass at the test clock's time, after any pass already running; returns how much ran. */
  async tick(): Promise<number> {
    await this.services.scheduler.whenIdle();
    return this.services.scheduler.tick();
  }

  /** Waits until every queued card post and update has been tried. */
  async settle(): Promise<void> {
    await this.services.cardSync.whenIdle();
  }
}
