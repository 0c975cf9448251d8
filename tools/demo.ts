/**
 * `npm run demo`: sends the sample referrals (tools/demo/referrals) to a running bot, one
 * every 1.5 s, re-dated to now and with new ids, so the cards can be watched arriving in
 * the regional channels. When the bot runs its local Partner Center simulator (a local run
 * without credentials), they go to Partner Center, whose signed webhooks bring them to the
 * bot, and decisions on the cards are written back to it; else to `/api/referrals`.
 *
 * Usage: npm run demo [-- --url <referrals endpoint>] [--via partner-center|referrals] [--interval <seconds>] [--same-ids]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { ConfigError, loadRegions } from '../bot/config';
import type { Region } from '../bot/domain/routing';
import { countryOf, demoFeed, regionOf, type DemoReferral } from './demo/feed';
import { BotUnreachableError, describeReferral, sendDemoFeed, type DemoSendSummary } from './demo/send';
import { CONTROL_PATH } from './partnerCenterSimulator/controlRoutes';

const USAGE = `Usage: npm run demo [-- --url <referrals endpoint>] [--via partner-center|referrals] [--interval <seconds>] [--same-ids]

  --url <url>        the bot's referrals endpoint (default http://localhost:$PORT/api/referrals, PORT 3978)
  --via <way>        partner-center: into the bot's local Partner Center simulator (port
                     $PARTNER_CENTER_SIMULATOR_PORT, 4010), whose webhooks deliver them; referrals:
                     straight to the referrals endpoint. Default: partner-center when the
                     simulator answers, else referrals
  --interval <s>     seconds between two referrals (default 1.5; 0 sends them at once)
  --same-ids         keep the sample ids: a later run updates those referrals and their cards
                     (re-dated, so newer) instead of adding new ones
  -h, --help         this text

Deliveries are signed when REFERRALS_WEBHOOK_SECRET is set (environment or .env).`;

class UsageError extends Error {}

interface DemoOptions {
  url: string;
  via?: 'partnerCenter' | 'referrals';
  simulatorUrl: string;
  intervalMs: number;
  sameIds: boolean;
  help: boolean;
}

function readOptions(args: string[], env: NodeJS.ProcessEnv): DemoOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        url: { type: 'string' },
        via: { type: 'string' },
        interval: { type: 'string' },
        'same-ids': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = Number(env.PORT) > 0 ? env.PORT : '3978';
  const url = values.url ?? `http://localhost:${port}/api/referrals`;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new UsageError(`--url must be an http(s) address, not "${url}"`);
  const seconds = values.interval === undefined ? 1.5 : Number(values.interval);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`--interval must be a number of seconds (0 or more), not "${values.interval}"`);
  if (values.via !== undefined && values.via !== 'partner-center' && values.via !== 'referrals') {
    throw new UsageError(`--via must be partner-center or referrals, not "${values.via}"`);
  }
  const via = values.via === undefined ? undefined : values.via === 'partner-center' ? 'partnerCenter' : 'referrals';
  const simulatorPort = Number(env.PARTNER_CENTER_SIMULATOR_PORT) > 0 ? env.PARTNER_CENTER_SIMULATOR_PORT : '4010';
  const simulatorUrl = `http://localhost:${simulatorPort}${CONTROL_PATH}`;
  return {
    url,
    via,
    simulatorUrl,
    intervalMs: Math.round(seconds * 1000),
    sameIds: values['same-ids'],
    help: values.help,
  };
}

/** What to look for in Teams once the feed is in. */
function whatToLookFor(sent: readonly DemoReferral[], summary: DemoSendSummary, regions: readonly Region[]): string[] {
  const lines = [
    '',
    `${summary.received.length} received, ${summary.duplicates.length} already known, ${summary.failed.length} failed.`,
  ];
  const received = new Set(summary.received);
  const cards = sent.filter((demo) => received.has(String(demo.referral.id)));
  if (cards.length === 0) return lines;
  lines.push('', 'Cards, by region (each goes to the channel where someone typed "@Referral Desk link <region>"):');
  const byRegion = new Map<string, string[]>();
  for (const demo of cards) {
    const region = regionOf(countryOf(demo.referral), regions);
    const key = region ? `${region.name} (${region.code})` : 'No region (fallback)';
    byRegion.set(key, [...(byRegion.get(key) ?? []), countryOf(demo.referral)]);
  }
  for (const [region, countries] of byRegion)
    lines.push(`  ${region}: ${countries.length} (${[...new Set(countries)].join(', ')})`);
  for (const demo of cards.filter((d) => countryOf(d.referral) === 'JP')) {
    const code = regionOf('JP', regions)?.code ?? 'jp';
    lines.push(
      '',
      `${describeReferral(demo.referral)} is the one for a country no channel is linked to`,
      `in the walkthrough: it waits until someone types "@Referral Desk link ${code}" in a channel, and is posted there at once.`,
    );
  }
  return lines;
}

/** Whether the bot's local Partner Center simulator takes orders at `url` (it answers a GET with 405). */
async function simulatorAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 405;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  // A local .env (see env.sample) fills in what the environment does not set, as for the bot.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let options: DemoOptions;
  try {
    options = readOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const regions = loadRegions(process.env.REGIONS_FILE ?? '');
  const secret = process.env.REFERRALS_WEBHOOK_SECRET?.trim() || undefined;
  const referrals = demoFeed({ now: DateTime.utc(), freshIds: !options.sameIds });
  const pace = options.intervalMs > 0 ? `, one every ${options.intervalMs / 1000} s` : '';
  const via = options.via ?? ((await simulatorAnswers(options.simulatorUrl)) ? 'partnerCenter' : 'referrals');
  const url = via === 'partnerCenter' ? options.simulatorUrl : options.url;
  const target = via === 'partnerCenter' ? `the local Partner Center at ${url}` : `${url}${secret ? ' (signed)' : ''}`;
  console.log(`Sending ${referrals.length} sample referrals to ${target}${pace}:`);
  try {
    const summary = await sendDemoFeed({
      url,
      secret,
      referrals,
      intervalMs: options.intervalMs,
      via,
      log: (line) => console.log(line),
    });
    console.log(whatToLookFor(referrals, summary, regions).join('\n'));
    return summary.failed.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof BotUnreachableError)) throw error;
    console.error(error.message);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
