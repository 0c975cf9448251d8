import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import type { Logger } from '../bot/log';
import { TEAMS_LIMITS } from '../bot/teams';
import { ConnectorStandIn } from '../test/support/connectorStandIn';
import { NOW, pcReferral } from '../test/support/fixtures';
import { botAddedToTeam, channelMessage, teamMember, USERS, type Channel } from '../test/support/teamsActivities';
import { teamsFloorMs } from './teamsFloor';

/**
 * Fan-out of 1,000 referrals to 10 channels (100 each) through the real app: its server
 * over HTTP, its tables in the embedded table server (in a process of its own), and a Bot
 * Connector stand-in that enforces Teams' documented limits (429 with Retry-After past
 * them). The referrals are delivered while no channel is linked for them, so they wait;
 * then nine links are put back and the tenth channel is linked with `link`, which releases
 * all 1,000 at once. Measured: from sending that `link` until Teams took the last card,
 * against Teams' floor (the earliest the last card can go under every documented window,
 * sends taking no time). Targets: at most 1.1 times the floor, no request throttled.
 */

const COUNTRIES = ['DE', 'FR', 'GB', 'IT', 'ES', 'US', 'CA', 'BR', 'JP', 'AU'];
const PER_CHANNEL = 100;
const TARGET_RATIO = 1.1;
const DELIVERY_SIZE = 50;
const DELIVERIES_AT_ONCE = 2;

const channelOf = (country: string): Channel => ({ id: `19:bench-${country}@thread.tacv2`, name: `${country} deals` });

/** A referral of a customer in `country`, as Partner Center delivers it. */
function referralIn(id: string, country: string): Record<string, unknown> {
  const { customerProfile } = pcReferral() as { customerProfile: { address: Record<string, string> } };
  return pcReferral({ id, customerProfile: { ...customerProfile, address: { ...customerProfile.address, country } } });
}

/** The embedded table server in a child process, so it has a core of its own. */
async function startTableServer(): Promise<{ connectionString: string; stop(): void }> {
  const child = fork(join(__dirname, 'tableServerProcess.ts'));
  const connectionString = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { connectionString: string }).connectionString));
    child.once('exit', (code) => reject(new Error(`the table server ended (${code})`)));
  });
  return { connectionString, stop: () => child.disconnect() };
}

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const answer = await fetch(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: answer.status, text: await answer.text() };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function fanoutBenchmark(): Promise<void> {
  const tables = await startTableServer();
  const teams = new ConnectorStandIn();
  await teams.start();
  teams.enforceTeamsLimits();
  teams.members = Object.values(USERS).map(teamMember);
  const errors: string[] = [];
  const log: Logger = { info: () => undefined, error: (message) => void errors.push(message) };
  const config = loadConfig({
    PORT: '0',
    TABLES_CONNECTION_STRING: tables.connectionString,
    TABLE_PREFIX: 'benchfanout',
    CARD_RETRY_INTERVAL_SECONDS: '3600',
    SCHEDULER_INTERVAL_SECONDS: '3600',
    PARTNER_CENTER_SIMULATOR: 'off',
  });
  // The referrals' own dates are those of the test fixtures: the desk's clock is set to match.
  const app = await startApp({ config, log, clock: () => NOW });
  try {
    const services = await app.ready;
    const say = async (channel: Channel, text: string) => {
      const answer = await post(`${app.url}/api/messages`, channelMessage(teams.url, channel, text));
      if (answer.status !== 200) throw new Error(`"${text}" in ${channel.name} answered ${answer.status}`);
    };
    if ((await post(`${app.url}/api/messages`, botAddedToTeam(teams.url))).status !== 200)
      throw new Error('installing the desk failed');
    for (const country of COUNTRIES) await say(channelOf(country), `link ${country}`);
    // The links are taken away while the referrals arrive, so they wait for a channel.
    const links = await services.links.list();
    for (const link of links) await services.links.remove(link.target);

    const started = performance.now();
    const ids = Array.from({ length: COUNTRIES.length * PER_CHANNEL }, (_, n) => `bench-${String(n).padStart(4, '0')}`);
    const deliveries = Array.from({ length: ids.length / DELIVERY_SIZE }, (_, d) =>
      ids.slice(d * DELIVERY_SIZE, (d + 1) * DELIVERY_SIZE),
    );
    for (let d = 0; d < deliveries.length; d += DELIVERIES_AT_ONCE) {
      await Promise.all(
        deliveries.slice(d, d + DELIVERIES_AT_ONCE).map(async (delivery) => {
          const body = delivery.map((id) => referralIn(id, COUNTRIES[Number(id.slice(-4)) % COUNTRIES.length]));
          const answer = await post(`${app.url}/api/referrals`, body);
          if (answer.status !== 202) throw new Error(`delivery answered ${answer.status}: ${answer.text}`);
        }),
      );
    }
    await services.cards.whenIdle();
    const waiting = (await services.outbox.unrouted()).length;
    console.log(
      `  ${waiting.toLocaleString('en')} referrals delivered and waiting, in ${seconds(performance.now() - started)}`,
    );
    const last = COUNTRIES.at(-1)!;
    for (const link of links) if (link.target.code !== last) await services.links.put(link);

    const cards = () => COUNTRIES.flatMap((country) => teams.callsOf('send', channelOf(country).id));
    const throttledBefore = teams.throttled.length;
    const linked = performance.now();
    await say(channelOf(last), `link ${last}`);
    const answeredMs = performance.now() - linked;
    await teams.waitFor(() => cards().length >= ids.length, 'every card', 600_000);
    const fanoutMs = Math.max(...cards().map((call) => call.at)) - linked;
    const floorMs = teamsFloorMs(TEAMS_LIMITS, COUNTRIES.length, PER_CHANNEL);
    const throttled = teams.throttled.length - throttledBefore;
    const perChannel = COUNTRIES.map((country) => teams.callsOf('send', channelOf(country).id).length);

    console.log(
      `\n${ids.length.toLocaleString('en')} referrals to ${COUNTRIES.length} channels, released by \`link\`:`,
    );
    console.log(`  \`link\` answered in ${answeredMs.toFixed(0)} ms`);
    console.log(`  cards per channel: ${[...new Set(perChannel)].join(', ')}`);
    console.log(`  measured: ${seconds(fanoutMs)}, from sending \`link\` until Teams took the last card`);
    console.log(
      `  Teams' floor: ${seconds(floorMs)} (every per-conversation window and 50/s for the app, to the letter)`,
    );
    console.log(`  ratio: ${(fanoutMs / floorMs).toFixed(2)} (target at most ${TARGET_RATIO})`);
    console.log(`  requests throttled (429): ${throttled} (target 0); errors logged by the desk: ${errors.length}`);
    for (const error of [...new Set(errors)].slice(0, 5)) console.log(`    ${error}`);
    console.log(`  Load average of this machine: ${loadavg()[0].toFixed(1)} (other work slows every figure).`);
  } finally {
    await app.stop();
    await teams.stop();
    tables.stop();
  }
}
