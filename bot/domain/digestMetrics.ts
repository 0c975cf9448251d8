import { Duration, type DateTime } from 'luxon';
import type { DealSummary } from './dealSummary';
import type { ReferralFact } from './digestFacts';
import type { ExchangeRates } from './exchangeRates';
import { largestDeals } from './largestDeals';
import { RESPONSE_TARGET } from './timeLimits';

/** The digest looks at the last 7 days and the four 7-day windows before them. */
export const DIGEST_WINDOWS = 5;
export const DIGEST_WINDOW = Duration.fromObject({ days: 7 });
/** How far back the digest's facts reach: every window it counts. */
export const DIGEST_SPAN = Duration.fromObject({ days: 7 * DIGEST_WINDOWS });
/** Undecided referrals whose deadline falls within this time from now are "expiring soon". */
export const EXPIRING_WITHIN = Duration.fromObject({ days: 7 });

/** What the digest counts per window. `interested` only tells the time to first response. */
export type CountKind = 'received' | 'accepted' | 'declined' | 'expired' | 'won' | 'lost';
export const COUNT_KINDS: readonly CountKind[] = ['received', 'accepted', 'declined', 'expired', 'won', 'lost'];
export type Counts = Record<CountKind, number>;

/** How fast referrals got their first answer (accepted, declined or interested) in a window. */
export interface ResponseTimes {
  /** First answers given in the window. */
  count: number;
  /** Undefined when there was no first answer. */
  medianMinutes?: number;
  /** Nearest-rank 90th percentile: an actual time someone took, never an interpolated one. */
  p90Minutes?: number;
  /** First answers within the 24-hour target. */
  withinTarget: number;
}

/** The figures of one span of time: [from, to). */
export interface WindowFigures {
  /** ISO instants: from (included) and to (excluded). */
  from: string;
  to: string;
  counts: Counts;
  /** accepted / (accepted + declined + expired); undefined when all three are zero. */
  acceptanceRate?: number;
  /** won / (won + lost); undefined when both are zero. */
  winRate?: number;
  response: ResponseTimes;
}

/** A count of the last 7 days against the average of the four windows before. */
export interface Trend {
  current: number;
  average: number;
}

/** Accepted deals in one currency: their estimated values, raw and weighted by sales-stage percentage. */
export interface PipelineLine {
  /** ISO code; empty for deals that name none. */
  currency: string;
  deals: number;
  raw: number;
  weighted: number;
}

/** What one person did in the last 7 days. */
export interface RepFigures {
  id: string;
  /** The name their latest fact carries. */
  name: string;
  /** First and later answers: accepted, declined (No thanks included) and interested. */
  responses: number;
  wins: number;
}

/** Everything a digest shows of one region (or of several taken together). */
export interface DigestFigures {
  /** ISO: the moment the figures are for. */
  now: string;
  /** The five 7-day windows, oldest first; the last is the last 7 days. */
  windows: WindowFigures[];
  current: WindowFigures;
  /** The four windows before the last 7 days, taken together (their rates and response times). */
  previous: WindowFigures;
  trends: Record<CountKind, Trend>;
  pipeline: PipelineLine[];
  /** Undecided referrals whose deadline falls in the next 7 days, soonest first. */
  expiringSoon: DealSummary[];
  /** Accepted deals whose close date is over, longest overdue first. */
  stale: DealSummary[];
  /** Accepted deals with a value, largest first, as `largestDeals` orders them. */
  topOpen: DealSummary[];
  /** The exchange rates `topOpen` was compared with, when configured. */
  rates?: ExchangeRates;
  /** People who answered or won something in the last 7 days, busiest first. */
  reps: RepFigures[];
}

/** The deal lists a digest offers in full. */
export type DigestListKind = 'expiring' | 'stale' | 'top';
export const DIGEST_LIST_KINDS: readonly DigestListKind[] = ['expiring', 'stale', 'top'];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An ISO instant (as facts and summaries store them, with its offset) in epoch milliseconds:
 * exact for these, and far cheaper than a luxon parse, which counts with thousands of facts.
 */
function millisOf(iso: string): number {
  return Date.parse(iso);
}

const RESPONSES = new Set<ReferralFact['kind']>(['accepted', 'declined', 'interested']);
const TARGET_MINUTES = RESPONSE_TARGET.as('minutes');

/**
 * The digest's figures at `now`, from a region's facts (at least those of the last five
 * weeks; older or later ones are ignored) and its open referrals and deals. For several
 * regions together, pass all their facts and deals: counts add up, and rates and
 * percentiles are recomputed from the merged facts. `rates` (when configured) compare deal
 * values across currencies. Pure.
 */
export function digestFigures(
  facts: readonly ReferralFact[],
  open: readonly DealSummary[],
  now: DateTime,
  rates?: ExchangeRates,
): DigestFigures {
  const starts = Array.from({ length: DIGEST_WINDOWS }, (_, i) => now.minus({ days: 7 * (DIGEST_WINDOWS - i) }));
  const timed = facts.map((fact) => ({ fact, at: millisOf(fact.at) }));
  const windows = starts.map((from) => windowFigures(timed, from, from.plus(DIGEST_WINDOW)));
  const current = windows[DIGEST_WINDOWS - 1];
  const previous = windowFigures(timed, starts[0], starts[DIGEST_WINDOWS - 1]);
  const trends = Object.fromEntries(
    COUNT_KINDS.map((kind) => [
      kind,
      { current: current.counts[kind], average: previous.counts[kind] / (DIGEST_WINDOWS - 1) },
    ]),
  ) as Record<CountKind, Trend>;
  return {
    now: now.toUTC().toISO()!,
    windows,
    current,
    previous,
    trends,
    pipeline: pipelineOf(open),
    expiringSoon: digestList('expiring', open, now),
    stale: digestList('stale', open, now),
    topOpen: digestList('top', open, now, rates),
    ...(rates ? { rates } : {}),
    reps: repsOf(
      timed
        .filter(({ at }) => at >= starts[DIGEST_WINDOWS - 1].toMillis() && at < now.toMillis())
        .map(({ fact }) => fact),
    ),
  };
}

/**
 * One of the digest's deal lists, in full, from a region's open referrals and deals: those
 * expiring in the next 7 days (soonest first), the stale ones (close date over, longest
 * overdue first), or the accepted ones with a value (largest first, never comparing bare
 * amounts across currencies: see `largestDeals`). Pure.
 */
export function digestList(
  kind: DigestListKind,
  open: readonly DealSummary[],
  now: DateTime,
  rates?: ExchangeRates,
): DealSummary[] {
  const at = now.toMillis();
  switch (kind) {
    case 'expiring': {
      const until = now.plus(EXPIRING_WITHIN).toMillis();
      return sortedBy(
        open.filter((deal) => isUndecided(deal) && deal.deadline),
        (deal) => millisOf(deal.deadline!),
      )
        .filter(({ key }) => key >= at && key < until)
        .map(({ deal }) => deal);
    }
    case 'stale':
      // A close date is a whole day: the deal is stale once that day is over.
      return sortedBy(
        open.filter((deal) => deal.stage === 'accepted' && deal.closing),
        (deal) => millisOf(deal.closing!) + DAY_MS,
      )
        .filter(({ key }) => key <= at)
        .map(({ deal }) => deal);
    case 'top':
      return largestDeals(open, rates);
  }
}

/** The deals with their sort key (computed once each), smallest first, then by name and id. */
function sortedBy(
  deals: readonly DealSummary[],
  key: (deal: DealSummary) => number,
): { deal: DealSummary; key: number }[] {
  return deals
    .map((deal) => ({ deal, key: key(deal) }))
    .sort(
      (a, b) =>
        a.key - b.key || a.deal.name.localeCompare(b.deal.name) || a.deal.referralId.localeCompare(b.deal.referralId),
    );
}

function isUndecided(deal: DealSummary): boolean {
  return deal.stage === 'received' || deal.stage === 'evaluating';
}

function windowFigures(
  facts: readonly { fact: ReferralFact; at: number }[],
  from: DateTime,
  to: DateTime,
): WindowFigures {
  const counts = Object.fromEntries(COUNT_KINDS.map((kind) => [kind, 0])) as Counts;
  const minutes: number[] = [];
  const [start, end] = [from.toMillis(), to.toMillis()];
  for (const { fact, at } of facts) {
    if (at < start || at >= end) continue;
    if (fact.kind !== 'interested') counts[fact.kind]++;
    if (fact.firstResponseMinutes !== undefined) minutes.push(fact.firstResponseMinutes);
  }
  return {
    from: from.toUTC().toISO()!,
    to: to.toUTC().toISO()!,
    counts,
    acceptanceRate: ratio(counts.accepted, counts.accepted + counts.declined + counts.expired),
    winRate: ratio(counts.won, counts.won + counts.lost),
    response: responseTimes(minutes),
  };
}

function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}

/** Median (the mean of the middle two for an even count) and nearest-rank 90th percentile. */
export function responseTimes(minutes: readonly number[]): ResponseTimes {
  const sorted = [...minutes].sort((a, b) => a - b);
  const n = sorted.length;
  const withinTarget = sorted.filter((m) => m <= TARGET_MINUTES).length;
  if (n === 0) return { count: 0, withinTarget };
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, medianMinutes: median, p90Minutes: sorted[Math.ceil(0.9 * n) - 1], withinTarget };
}

function pipelineOf(open: readonly DealSummary[]): PipelineLine[] {
  const lines = new Map<string, PipelineLine>();
  for (const deal of open) {
    if (deal.stage !== 'accepted') continue;
    const currency = deal.currency ?? '';
    const line = lines.get(currency) ?? { currency, deals: 0, raw: 0, weighted: 0 };
    line.deals++;
    line.raw += deal.value ?? 0;
    line.weighted += ((deal.value ?? 0) * deal.percent) / 100;
    lines.set(currency, line);
  }
  return [...lines.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

function repsOf(facts: readonly ReferralFact[]): RepFigures[] {
  const reps = new Map<string, RepFigures & { latest: string }>();
  for (const fact of facts) {
    if (!fact.by || (!RESPONSES.has(fact.kind) && fact.kind !== 'won')) continue;
    const rep = reps.get(fact.by.id) ?? { id: fact.by.id, name: fact.by.name, responses: 0, wins: 0, latest: fact.at };
    if (fact.at >= rep.latest) [rep.name, rep.latest] = [fact.by.name, fact.at];
    if (fact.kind === 'won') rep.wins++;
    else rep.responses++;
    reps.set(fact.by.id, rep);
  }
  return [...reps.values()]
    .sort((a, b) => b.responses + b.wins - (a.responses + a.wins) || a.name.localeCompare(b.name))
    .map(({ id, name, responses, wins }) => ({ id, name, responses, wins }));
}
