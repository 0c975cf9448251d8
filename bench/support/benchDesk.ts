import { startApp, type RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { quietLogger } from '../../bot/log';
import type { Services } from '../../bot/services';
import type { TeamsLimits } from '../../bot/teams';
import { ConnectorStandIn } from '../../test/support/connectorStandIn';
import { NOW } from '../../test/support/fixtures';
import { USERS, botAddedToTeam, channelMessage, teamMember, type Channel } from '../../test/support/teamsActivities';
import { startTableServer, type TableServer } from '../tableServer';
import type { StorageCall } from './countingProxy';
import { ServerTimes, TIMED_HEADER, type ServedSpan } from './serverTimes';

/** A timed HTTP answer: its status, body and when it was sent and answered (milliseconds since the epoch). */
export interface TimedAnswer {
  status: number;
  body: unknown;
  sentAt: number;
  answeredAt: number;
  /** When the desk's HTTP server had it, from its arrival to its answer handed to the socket (see ServerTimes). */
  served: ServedSpan;
}

/** The prefix of the bench desk's table names. */
export const BENCH_PREFIX = 'bench';

const now = () => performance.timeOrigin + performance.now();

/**
 * The production app as a benchmark drives it: its own HTTP server, tables in a child process
 * behind a counting proxy, a Bot Connector stand-in, a fixed clock, the desk installed in the
 * team and every bench user a member.
 */
export class BenchDesk {
  readonly connector = new ConnectorStandIn();
  app!: RunningApp;
  services!: Services;
  private tables!: TableServer;
  private readonly serverTimes = new ServerTimes();
  private requests = 0;

  /** `teamsLimits`: the limits the desk keeps to in sending to Teams (Teams' own by default). */
  async start(env: Record<string, string> = {}, teamsLimits?: TeamsLimits): Promise<this> {
    this.serverTimes.start();
    this.tables = await startTableServer();
    await this.connector.start();
    const config = loadConfig({
      PORT: '0',
      TABLES_CONNECTION_STRING: this.tables.connectionString,
      TABLE_PREFIX: BENCH_PREFIX,
      PARTNER_CENTER_SIMULATOR: 'off',
      ...env,
    });
    this.app = await startApp({ config, log: quietLogger, clock: () => NOW, teamsLimits });
    this.services = await this.app.ready;
    this.connector.members = Object.values(USERS).map(teamMember);
    await this.expectOk(await this.activity(botAddedToTeam(this.connector.url)), 'installing the desk');
    return this;
  }

  /** Links `channel` to the regions `codes`, as a user would. */
  async link(channel: Channel, codes: string): Promise<void> {
    await this.expectOk(await this.activity(channelMessage(this.connector.url, channel, `link ${codes}`)), 'link');
  }

  /** POSTs an activity to /api/messages as Teams would. */
  activity(activity: object): Promise<TimedAnswer> {
    return this.post('/api/messages', activity);
  }

  /** POSTs a delivery of referrals to /api/referrals. */
  deliver(referrals: object[]): Promise<TimedAnswer> {
    return this.post('/api/referrals', referrals);
  }

  /** The storage calls made since the last time asked. */
  storageCalls(): Promise<StorageCall[]> {
    return this.tables.calls();
  }

  /** The processor time used so far by the desk's process and its table server together, in milliseconds. */
  async cpuMs(): Promise<number> {
    const { user, system } = process.cpuUsage();
    return (user + system + (await this.tables.cpuMicros())) / 1000;
  }

  /** Until every card post and update, and everything that follows a change, has been done. */
  async settle(): Promise<void> {
    for (let round = 0; round < 3; round++) await this.services.cards.whenIdle();
  }

  async stop(): Promise<void> {
    this.serverTimes.stop();
    await this.app?.stop();
    await this.connector.stop();
    this.tables?.stop();
  }

  private async post(path: string, body: object): Promise<TimedAnswer> {
    const id = String(++this.requests);
    const sentAt = now();
    const response = await fetch(`${this.app.url}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', [TIMED_HEADER]: id },
    });
    const text = await response.text();
    const answeredAt = now();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      sentAt,
      answeredAt,
      served: this.serverTimes.take(id) ?? { from: sentAt, to: answeredAt },
    };
  }

  private async expectOk(answer: TimedAnswer, what: string): Promise<void> {
    if (answer.status >= 300) throw new Error(`${what} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}
