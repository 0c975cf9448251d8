import { randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { AppOptions, RunningApp } from '../../bot/app';
import { loadConfig, type Config } from '../../bot/config/config';
import { signBody, SIGNATURE_HEADER } from '../../bot/http/signature';
import { consoleLogger, quietLogger, type Logger } from '../../bot/log';
import type { Services } from '../../bot/services';
import { minuteOf, SCHEDULER } from '../../bot/store/scheduleRepository';
import { startDevApp } from '../../tools/devApp';
import { ConnectorStandIn } from './connectorStandIn';
import { USERS, botAddedToTeam, teamMember } from './teamsActivities';
import { NOW } from './fixtures';
import { embeddedConnectionString } from './rootHooks';
import type { WireJson } from './wireJson';

export interface HttpAnswer {
  status: number;
  body: WireJson;
  headers: Headers;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now: DateTime = NOW) {}
  readonly read = () => this.now;
  advance(duration: { hours?: number; minutes?: number; days?: number; seconds?: number }): void {
    this.now = this.now.plus(duration);
  }
}

/** What a test may set of the bot's runtime options (its own log, quick retries, its own certificates and identity, Teams' limits). */
export type HarnessAppOptions = Pick<
  AppOptions,
  'partnerCenter' | 'webhooks' | 'teamsTokens' | 'tableRetries' | 'tableCredential' | 'tableTls' | 'teamsLimits'
> & { log?: Logger };

/**
 * The real bot over real HTTP: its server on a free port, its own tables in the shared
 * embedded Azurite, and a Bot Connector stand-in as the `serviceUrl` of every activity.
 * It starts as a development start does, so PARTNER_CENTER_SIMULATOR=on brings the simulator.
 */
export class BotHarness {
  readonly connector = new ConnectorStandIn();
  readonly clock = new TestClock();
  /** Every line the bot logged, in order (printed too with DEBUG_BOT set). */
  readonly logLines: string[] = [];
  app!: RunningApp;
  services!: Services;
  private config!: Config;

  /**
   * `env`: settings beside the test defaults. `installed` (the default): the desk starts
   * installed in the test team, with every test user a member (see installInTeam).
   */
  constructor(
    readonly env: Record<string, string> = {},
    private readonly appOptions: HarnessAppOptions = {},
    private readonly installed = true,
  ) {}

  async start(): Promise<this> {
    await this.connector.start();
    this.config = this.settings(`t${randomBytes(5).toString('hex')}`);
    await this.startBot();
    if (this.installed) await this.installInTeam();
    return this;
  }

  /**
   * The desk installed in the team by Alice, as Teams announces it, and every test user a
   * member there; what the install sent is cleared, so a test sees only its own traffic.
   */
  private async installInTeam(): Promise<void> {
    this.connector.members = Object.values(USERS).map(teamMember);
    const answer = await this.activity(botAddedToTeam(this.serviceUrl));
    if (answer.status !== 200) throw new Error(`Installing the desk in the team failed: ${answer.status}`);
    this.connector.calls.length = 0;
    this.connector.requests.length = 0;
  }

  /**
   * Stops the bot and starts it again on the same tables, as after a restart (it ticks once on
   * start); with `changes`, the settings are changed first, as an admin would between the two.
   */
  async restart(changes: Record<string, string> = {}): Promise<void> {
    await this.app.stop();
    if (Object.keys(changes).length > 0) {
      Object.assign(this.env, changes);
      this.config = this.settings(this.config.tablePrefix);
    }
    await this.startBot();
  }

  /** The test defaults, then `env`, on the tables of `prefix` (unless `env` names others). */
  private settings(prefix: string): Config {
    return loadConfig({
      PORT: '0',
      // The shared tables, unless the test names an account of its own.
      ...(this.env.TABLES_ACCOUNT_URL ? {} : { TABLES_CONNECTION_STRING: embeddedConnectionString() }),
      TABLE_PREFIX: prefix,
      CARD_RETRY_INTERVAL_SECONDS: '3600',
      SCHEDULER_INTERVAL_SECONDS: '3600',
      PARTNER_CENTER_SIMULATOR: 'off',
      ...this.env,
    });
  }

  private async startBot(): Promise<void> {
    this.app = await startDevApp({
      config: this.config,
      clock: this.clock.read,
      messenger: { baseDelayMs: 5, maxDelayMs: 20 },
      ...this.appOptions,
      log: this.appOptions.log ?? this.recordingLog(),
    });
    this.services = await this.app.ready;
  }

  private recordingLog(): Logger {
    const shown = process.env.DEBUG_BOT ? consoleLogger : quietLogger;
    return {
      info: (message) => {
        this.logLines.push(message);
        shown.info(message);
      },
      error: (message, error) => {
        this.logLines.push(message);
        shown.error(message, error);
      },
    };
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

  /** POSTs `body` as JSON; `headers` are added, replacing any of the same name whatever its letter case (`Content-Type` too). */
  async post(path: string, body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const sent = new Headers({ 'content-type': 'application/json' });
    for (const [name, value] of Object.entries(headers)) sent.set(name, value);
    const response = await fetch(`${this.app.url}${path}`, { method: 'POST', body, headers: sent });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  /**
   * Scheduler passes at the test clock's time, after any pass already running, until it has
   * caught up with the clock (a pass works through at most a month) or a pass got nowhere
   * (another instance holds the lease); returns how much ran.
   */
  async tick(): Promise<number> {
    const { scheduler, schedule } = this.services;
    const target = minuteOf(this.clock.now.minus({ minutes: 1 }));
    await scheduler.whenIdle();
    let ran = 0;
    for (let before = await schedule.cursor(SCHEDULER); ;) {
      ran += await scheduler.tick();
      const after = await schedule.cursor(SCHEDULER);
      if (!after || after >= target || after === before) return ran;
      before = after;
    }
  }

  /** Waits until every answer is kept, and every queued card post and update and write back to Partner Center has been tried. */
  async settle(): Promise<void> {
    await this.app.answersKept();
    for (let round = 0; round < 5; round++) {
      await this.services.cards.whenIdle();
      await this.services.partnerCenter?.writeBack.whenIdle();
    }
    await this.services.cards.whenIdle();
  }
}
