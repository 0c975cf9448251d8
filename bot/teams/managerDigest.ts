import type { DateTime } from 'luxon';
import type { AdaptiveCard } from '../../cards/render';
import { weeksBetween } from '../domain/digestFacts';
import { DIGEST_SPAN, digestFigures } from '../domain/digestMetrics';
import { digestRegionsOf, readerZone, type DigestReader } from '../referrals';
import type { Services } from '../services';
import { digestCard, type DigestScope } from './views/digestCardView';

/** What building a digest reads: the indexes, who manages what, and the reader's time zone. */
export type DigestServices = Pick<
  Services,
  'indexes' | 'roles' | 'regions' | 'admins' | 'users' | 'defaultHours' | 'strings' | 'exchangeRates'
>;

/**
 * A manager's digest card at `now`: each region they manage (all of them for an admin, or
 * those of `only` among them), and all of them together when there are several. It reads
 * per region only the facts of the weeks it counts and the open referrals and deals, so
 * its cost does not grow with history. Undefined when they manage none of those regions.
 * What the weekly sender calls for each manager.
 */
export async function buildDigestCard(
  services: DigestServices,
  manager: DigestReader,
  now: DateTime,
  only?: readonly string[],
): Promise<AdaptiveCard | undefined> {
  const regions = (await digestRegionsOf(services, manager)).filter((region) => !only || only.includes(region.code));
  if (regions.length === 0) return undefined;
  const weeks = weeksBetween(now.minus(DIGEST_SPAN), now);
  const loaded = await Promise.all(
    regions.map(async (region) => ({
      region,
      facts: await services.indexes.facts(region.code, weeks),
      open: await services.indexes.openDeals(region.code),
    })),
  );
  const scopes: DigestScope[] = loaded.map(({ region, facts, open }) => ({
    title: region.name,
    codes: [region.code],
    figures: digestFigures(facts, open, now, services.exchangeRates),
  }));
  if (loaded.length > 1) {
    const total = digestFigures(
      loaded.flatMap((l) => l.facts),
      loaded.flatMap((l) => l.open),
      now,
      services.exchangeRates,
    );
    scopes.unshift({
      title: services.strings.digest.total,
      codes: regions.map((region) => region.code),
      figures: total,
    });
  }
  return digestCard(scopes, now, await readerZone(services, manager), services.strings);
}
