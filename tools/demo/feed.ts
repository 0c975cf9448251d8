/**
 * The demo feed: sample Partner Center referrals (`tools/demo/referrals/*.json`, one per
 * scenario) and the same referrals re-dated to any moment, so that "created an hour ago"
 * or "expires in 4 hours" holds whenever the demo runs.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { resolveChannel, type ChannelLink, type Region } from '../../bot/domain/routing';

/** The moment the fixtures are written against (the tests' NOW). */
export const DEMO_FIXTURE_NOW = DateTime.fromISO('2026-11-23T09:00:00.000Z', { zone: 'utc' });

/** Where the sample referrals live. */
export const DEMO_REFERRALS_DIR = path.join(__dirname, 'referrals');

/** One sample referral: its file, what it shows, and the referral as Partner Center sends it. */
export interface DemoReferral {
  file: string;
  scenario: string;
  referral: Record<string, unknown>;
}

// What each sample is there to show; a file missing here is described by its name.
const SCENARIOS: Record<string, string> = {
  '01-customer-inquiry-us.json': 'customer inquiry that arrived an hour ago; the customer asked to be contacted',
  '02-marketing-qualified-de.json': 'marketing qualified lead forwarded by Microsoft',
  '03-sales-qualified-gb.json': 'sales qualified lead from a Microsoft seller, with a close date',
  '04-co-sell-microsoft-fr.json': 'co-sell invitation from Microsoft asking for a proof of concept',
  '05-co-sell-partner-ca.json': "co-sell invitation from another partner, with that partner's value and close date",
  '06-customer-inquiry-expiring-za.json': 'customer inquiry that expires in 4 hours, no value stated',
  '07-sales-qualified-br.json': 'sales qualified lead in Brazilian reais',
  '08-marketing-qualified-mx.json': 'marketing qualified lead in Mexican pesos',
  '09-co-sell-microsoft-jp.json': 'co-sell invitation from Microsoft for a country no channel is linked to (APAC)',
};

/** The sample referrals as written, in file-name order. */
export function loadDemoReferrals(): DemoReferral[] {
  return readdirSync(DEMO_REFERRALS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      scenario: SCENARIOS[file] ?? file.replace(/^\d+-|\.json$/g, '').replace(/-/g, ' '),
      referral: JSON.parse(readFileSync(path.join(DEMO_REFERRALS_DIR, file), 'utf8')) as Record<string, unknown>,
    }));
}

/**
 * The sample referrals as if written at `now`: every `…DateTime` field, however deeply
 * nested, moves by `now − DEMO_FIXTURE_NOW`. With `freshIds`, each referral gets a new
 * `id` and `engagementId`, so a second run creates new referrals instead of duplicates.
 */
export function demoFeed(options: { now: DateTime; freshIds?: boolean }): DemoReferral[] {
  const shiftMs = options.now.toMillis() - DEMO_FIXTURE_NOW.toMillis();
  return loadDemoReferrals().map((demo) => {
    const referral = shiftDateTimes(demo.referral, shiftMs) as Record<string, unknown>;
    return {
      ...demo,
      referral: options.freshIds ? { ...referral, id: randomUUID(), engagementId: randomUUID() } : referral,
    };
  });
}

function shiftDateTimes(value: unknown, shiftMs: number, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftDateTimes(item, shiftMs));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDateTimes(v, shiftMs, k)]));
  }
  if (typeof value === 'string' && key.endsWith('DateTime')) {
    const instant = DateTime.fromISO(value, { setZone: true });
    if (instant.isValid) return instant.plus({ milliseconds: shiftMs }).toUTC().toISO({ suppressMilliseconds: true });
  }
  return value;
}

/** The customer's country of a referral in Partner Center's JSON. */
export function countryOf(referral: Record<string, unknown>): string {
  const profile = referral.customerProfile as { address?: { country?: string } } | undefined;
  return String(profile?.address?.country ?? '').toUpperCase();
}

/** The region a country's referrals go to once that region is linked, as the bot routes them. */
export function regionOf(country: string, regions: readonly Region[]): Region | undefined {
  const oneLinkPerRegion: ChannelLink[] = regions.map((region) => ({
    target: { kind: 'region', code: region.code },
    channel: { conversationId: region.code },
  }));
  const link = resolveChannel(country, oneLinkPerRegion, regions);
  return regions.find((region) => region.code === link?.target.code);
}
