import type { DealSummary } from './dealSummary';
import { convertedValue, type ExchangeRates } from './exchangeRates';

/** A deal of the list with what it is compared by, and the group it can be compared within. */
interface Ranked {
  deal: DealSummary;
  /** Comparable deals share a group: all converted ones, else each currency its own. */
  group: string;
  key: number;
}

/** The group of deals converted into the digest's currency (sorts before any ISO code). */
const CONVERTED = '';

/**
 * The accepted deals (the open pipeline, not undecided referrals) with a value, largest
 * first. Amounts in different currencies are never compared as bare numbers: with exchange
 * rates, deals are compared by their value in the rates' currency, and those in a currency
 * without a rate follow; without rates, deals are grouped by currency (by ISO code, deals
 * naming none last), largest first within each. Ties go by name, then id. Pure.
 */
export function largestDeals(open: readonly DealSummary[], rates?: ExchangeRates): DealSummary[] {
  return ranked(open, rates).map(({ deal }) => deal);
}

/**
 * The first `count` deals of a `largestDeals` list worth showing in a short list: each
 * group's largest (each currency's, or the converted ones') before any group's second, so
 * that one currency's large numbers do not hide another's deals; in the list's order. Pure.
 */
export function largestDealsPreview(list: readonly DealSummary[], count: number, rates?: ExchangeRates): DealSummary[] {
  const rankInGroup = new Map<string, number>();
  const withRank = list.map((deal, index) => {
    const group = rankedOne(deal, rates).group;
    const rank = rankInGroup.get(group) ?? 0;
    rankInGroup.set(group, rank + 1);
    return { deal, index, rank };
  });
  const picked = new Set(
    [...withRank]
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .slice(0, count)
      .map(({ index }) => index),
  );
  return withRank.filter(({ index }) => picked.has(index)).map(({ deal }) => deal);
}

function ranked(open: readonly DealSummary[], rates: ExchangeRates | undefined): Ranked[] {
  return open
    .filter((deal) => deal.stage === 'accepted' && deal.value !== undefined && deal.value > 0)
    .map((deal) => rankedOne(deal, rates))
    .sort(
      (a, b) =>
        compare(a.group, b.group) ||
        b.key - a.key ||
        a.deal.name.localeCompare(b.deal.name) ||
        a.deal.referralId.localeCompare(b.deal.referralId),
    );
}

function rankedOne(deal: DealSummary, rates: ExchangeRates | undefined): Ranked {
  const value = deal.value ?? 0;
  const converted = rates ? convertedValue(value, deal.currency, rates) : undefined;
  return converted === undefined
    ? { deal, group: groupOf(deal.currency), key: value }
    : { deal, group: CONVERTED, key: converted };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A currency's group: its code; deals naming none after every currency. */
function groupOf(currency: string | undefined): string {
  return currency ? `1${currency}` : '2';
}
