import type { DateTime } from 'luxon';
import { renderDigestListCard } from '../../../cards/digestListCard';
import type { AdaptiveCard } from '../../../cards/render';
import type { DealSummary } from '../../domain/dealSummary';
import type { ExchangeRates } from '../../domain/exchangeRates';
import { digestList, type DigestListKind } from '../../domain/digestMetrics';
import type { Region } from '../../domain/routing';
import type { Strings } from '../../strings/en';
import { dealLine } from './dealLine';

/** Deals per page of a full list: far below the 80 KB message limit, however long the names. */
export const LIST_PAGE_SIZE = 40;

/**
 * One page (from 0) of a digest's deal list for these regions, from their open referrals
 * and deals, for a reader in `zone`, comparing values with `rates` when configured. A page
 * past the end shows the last one.
 */
export function digestListCard(
  kind: DigestListKind,
  regions: readonly Region[],
  open: readonly DealSummary[],
  page: number,
  now: DateTime,
  zone: string,
  strings: Strings,
  rates?: ExchangeRates,
): AdaptiveCard {
  const d = strings.digest;
  const all = digestList(kind, open, now, rates);
  const pages = Math.max(1, Math.ceil(all.length / LIST_PAGE_SIZE));
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const items = all.slice(shown * LIST_PAGE_SIZE, (shown + 1) * LIST_PAGE_SIZE);
  const first = shown * LIST_PAGE_SIZE + 1;
  return renderDigestListCard({
    title: d.listTitle[kind](strings.format.list(...regions.map((region) => region.name))),
    subtitle: d.listPage(Math.min(first, all.length), first + items.length - 1, all.length),
    empty: d.listEmpty[kind],
    items: items.map((deal) => ({ referralId: deal.referralId, ...dealLine(deal, zone, strings, rates) })),
    openTitle: d.open,
    list: kind,
    regions: regions.map((region) => region.code).join(','),
    previousPage: shown > 0 ? shown - 1 : -1,
    nextPage: shown < pages - 1 ? shown + 1 : -1,
    previousTitle: d.previous,
    nextTitle: d.next,
  });
}
