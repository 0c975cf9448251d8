import type { DateTime } from 'luxon';
import { renderDigestCard, type DigestDealList, type DigestFact, type DigestSection } from '../../../cards/digestCard';
import { literal } from '../../../cards/literal';
import type { AdaptiveCard } from '../../../cards/render';
import type { DealSummary } from '../../domain/dealSummary';
import {
  COUNT_KINDS,
  DIGEST_LIST_KINDS,
  type DigestFigures,
  type DigestListKind,
  type Trend,
  type WindowFigures,
} from '../../domain/digestMetrics';
import { largestDealsPreview } from '../../domain/largestDeals';
import { parseInstant } from '../../domain/timeLimits';
import type { Strings } from '../../strings/en';
import { dealLine } from './dealLine';
import { clip, localDateTime, money } from './format';

/** What one section of a digest is about: a region, or all of a manager's regions together. */
export interface DigestScope {
  title: string;
  /** The region codes it covers (what its list buttons ask for). */
  codes: string[];
  figures: DigestFigures;
}

/** Deals shown per list, and people, before "and N more". */
export const LIST_LINES = 5;
export const REP_LINES = 10;
/**
 * The card is kept below this, well under Teams' 100 KB message limit (80 KB to be safe)
 * with room for the activity around it, however many regions and deals there are.
 */
export const DIGEST_CARD_BUDGET = 60 * 1024;

const LIST_OF: Record<DigestListKind, (figures: DigestFigures) => readonly DealSummary[]> = {
  expiring: (f) => f.expiringSoon,
  stale: (f) => f.stale,
  top: (f) => f.topOpen,
};

/**
 * A manager's digest card, for a reader in `zone`. With several regions it leads with the
 * first section (all of them together) open, and each region closed behind its Details
 * button, so the card stays short. Every section in full when it fits the budget;
 * otherwise the first in full and each region summed up (figures, pipeline and list
 * buttons); and if even that is too much, as many regions as fit, naming the others.
 */
export function digestCard(
  scopes: readonly DigestScope[],
  now: DateTime,
  zone: string,
  strings: Strings,
): AdaptiveCard {
  const d = strings.digest;
  const render = (sections: DigestSection[], footnote: string) =>
    renderDigestCard({
      title: d.title,
      subtitle: d.subtitle(localDateTime(now, zone, strings.format)),
      sections,
      footnote,
    });
  const full = render(
    scopes.map((scope, i) => section(scope, i, zone, strings, true)),
    '',
  );
  if (fits(full) || scopes.length === 1) return full;
  const [first, ...rest] = scopes;
  const sections = [
    section(first, 0, zone, strings, true),
    ...rest.map((scope, i) => section(scope, i + 1, zone, strings, false)),
  ];
  for (let kept = sections.length; kept > 1; kept--) {
    const leftOut = scopes.slice(kept).flatMap((scope) => scope.codes);
    const card = render(sections.slice(0, kept), leftOut.length > 0 ? d.leftOut(leftOut.join(', ')) : d.compact);
    if (fits(card)) return card;
  }
  return render([sections[0]], d.leftOut(rest.flatMap((scope) => scope.codes).join(', ')));
}

function fits(card: AdaptiveCard): boolean {
  return Buffer.byteLength(JSON.stringify(card)) <= DIGEST_CARD_BUDGET;
}

/**
 * The top of a chart's y-axis for these counts: the axis has four intervals, so a multiple
 * of 4 (at least 4) puts every tick on a whole count.
 */
export function wholeCountAxisMax(counts: readonly number[]): number {
  return Math.max(4, Math.ceil(Math.max(0, ...counts) / 4) * 4);
}

/** A section's last 7 days in a line (the last window is the last 7 days). */
function summaryOf(figures: DigestScope['figures'], strings: Strings): string {
  const { counts } = figures.windows[figures.windows.length - 1];
  return strings.digest.summary(counts.received, counts.accepted, counts.won);
}

/** Section `index` of the card (the first open, the others closed when there are several). */
function section(scope: DigestScope, index: number, zone: string, strings: Strings, inFull: boolean): DigestSection {
  const d = strings.digest;
  const { figures } = scope;
  const charted = ['received', 'won', 'lost'] as const;
  const { locale, shortDate } = strings.format;
  const weeks = figures.windows.map((w) => parseInstant(w.from).setZone(zone).setLocale(locale).toFormat(shortDate));
  const series = (kind: 'received' | 'won' | 'lost', color: string) => ({
    legend: d.counts[kind],
    color,
    values: figures.windows.map((w, i) => ({ x: weeks[i], y: w.counts[kind] })),
  });
  return {
    title: scope.title,
    id: `digest-section-${index}`,
    visible: index === 0,
    detailsTitle: d.details,
    summary: summaryOf(figures, strings),
    facts: keyFacts(figures, strings),
    chartTitle: d.chartTitle,
    chart: inFull ? [series('received', 'categoricalBlue'), series('won', 'good'), series('lost', 'attention')] : [],
    chartMax: wholeCountAxisMax(figures.windows.flatMap((w) => charted.map((kind) => w.counts[kind]))),
    table: {
      week: d.week,
      received: d.counts.received,
      won: d.counts.won,
      lost: d.counts.lost,
      rows: figures.windows.map((w, i) => ({
        week: weeks[i],
        received: `${w.counts.received}`,
        won: `${w.counts.won}`,
        lost: `${w.counts.lost}`,
      })),
    },
    pipelineTitle: d.pipeline,
    pipeline: figures.pipeline.map((line) => {
      const currency = line.currency || undefined;
      return {
        title: line.currency || d.noCurrency,
        value: d.pipelineLine(
          money(line.raw, currency, strings.format),
          money(line.weighted, currency, strings.format),
          line.deals,
        ),
      };
    }),
    pipelineEmpty: d.noPipeline,
    lists: DIGEST_LIST_KINDS.map((kind) => dealList(kind, scope, zone, strings, inFull)),
    repsTitle: d.reps,
    reps: inFull
      ? figures.reps
          .slice(0, REP_LINES)
          .map((rep) => ({ title: literal(clip(rep.name, 80)), value: d.repLine(rep.responses, rep.wins) }))
      : [],
    repsMore: inFull && figures.reps.length > REP_LINES ? d.more(figures.reps.length - REP_LINES) : '',
  };
}

function keyFacts(figures: DigestFigures, strings: Strings): DigestFact[] {
  const d = strings.digest;
  const { current, previous } = figures;
  const counts = COUNT_KINDS.map((kind) => ({
    title: d.counts[kind],
    value: trendText(figures.trends[kind], strings),
  }));
  const rate = (of: (w: WindowFigures) => number | undefined) =>
    d.rate(percent(of(current), strings), percent(of(previous), strings));
  const { response } = current;
  return [
    ...counts,
    { title: d.acceptanceRate, value: rate((w) => w.acceptanceRate) },
    { title: d.winRate, value: rate((w) => w.winRate) },
    { title: d.medianResponse, value: duration(response.medianMinutes, strings) },
    { title: d.p90Response, value: duration(response.p90Minutes, strings) },
    {
      title: d.withinTarget,
      value:
        response.count === 0
          ? d.nothing
          : d.withinTargetValue(
              response.withinTarget,
              response.count,
              percent(response.withinTarget / response.count, strings),
            ),
    },
  ];
}

function dealList(
  kind: DigestListKind,
  scope: DigestScope,
  zone: string,
  strings: Strings,
  inFull: boolean,
): DigestDealList {
  const d = strings.digest;
  const { rates } = scope.figures;
  const all = LIST_OF[kind](scope.figures);
  const preview = kind === 'top' ? largestDealsPreview(all, LIST_LINES, rates) : all.slice(0, LIST_LINES);
  const shown = inFull ? preview : [];
  return {
    list: kind,
    regions: scope.codes.join(','),
    title: d.lists[kind](all.length),
    empty: all.length === 0 ? d.listEmpty[kind] : '',
    lines: shown.map((deal) => dealLine(deal, zone, strings, rates)),
    more: shown.length > 0 && all.length > shown.length ? d.more(all.length - shown.length) : '',
    showAll: all.length > shown.length ? d.showAll(all.length) : '',
  };
}

/** "4 · 4-week avg 1.5 ↑". */
function trendText(trend: Trend, strings: Strings): string {
  const d = strings.digest;
  const arrow = trend.current > trend.average ? d.up : trend.current < trend.average ? d.down : d.same;
  return d.count(
    `${trend.current}`,
    new Intl.NumberFormat(strings.format.locale, { maximumFractionDigits: 1 }).format(trend.average),
    arrow,
  );
}

function percent(ratio: number | undefined, strings: Strings): string {
  return ratio === undefined ? strings.digest.nothing : `${Math.round(ratio * 100)} %`;
}

/** "45 min", "3 h 20 min", "2 d 4 h"; a dash when there is nothing to measure. */
function duration(minutes: number | undefined, strings: Strings): string {
  const d = strings.digest;
  if (minutes === undefined) return d.nothing;
  const m = Math.round(minutes);
  if (m < 60) return d.minutes(m);
  if (m < 48 * 60) return d.hours(Math.floor(m / 60), m % 60);
  return d.days(Math.floor(m / 1440), Math.floor((m % 1440) / 60));
}
