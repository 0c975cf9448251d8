import type { DateTime } from 'luxon';
import type { DealSummary } from './dealSummary';
import { parseInstant } from './timeLimits';

/**
 * Whether an accepted deal's estimated close date has passed: the close date is a day
 * (midnight UTC), so the deal is overdue from the day after it.
 */
export function isOverdue(deal: DealSummary, now: DateTime): boolean {
  return deal.stage === 'accepted' && deal.closing !== undefined && now >= parseInstant(deal.closing).plus({ days: 1 });
}

/**
 * The groups of a list of deals, most urgent first. Undecided referrals lead: one left
 * unanswered is lost for good, while an overdue deal only waits for its outcome. Then the
 * accepted deals whose close date has passed, then the other accepted ones, then the
 * closed ones.
 */
function groupOf(deal: DealSummary, now: DateTime): number {
  if (deal.stage === 'received' || deal.stage === 'evaluating') return 0;
  if (deal.stage === 'accepted') return isOverdue(deal, now) ? 1 : 2;
  return 3;
}

/** What orders deals within their group, lowest first; a deal without the date it needs goes last. */
function sortTimeOf(deal: DealSummary, group: number): number {
  const iso = group === 0 ? deal.deadline : group === 3 ? (deal.decidedAt ?? deal.closing) : deal.closing;
  const millis = iso === undefined ? NaN : parseInstant(iso).toMillis();
  if (Number.isNaN(millis)) return Number.POSITIVE_INFINITY;
  // Closed ones: the most recently closed first.
  return group === 3 ? -millis : millis;
}

/**
 * Orders a user's deals by urgency: undecided by the time left to their deadline, accepted
 * deals overdue first and then by close date (those without one after), closed ones last,
 * the most recently closed first. Ties go by name,
 * then id, so the order, and with it every page, is stable. Pure: `deals` stays as it is.
 */
export function byUrgency(deals: readonly DealSummary[], now: DateTime): DealSummary[] {
  const keyed = deals.map((deal) => {
    const group = groupOf(deal, now);
    return { deal, group, time: sortTimeOf(deal, group) };
  });
  return keyed
    .sort(
      (a, b) =>
        a.group - b.group ||
        compareTimes(a.time, b.time) ||
        a.deal.name.localeCompare(b.deal.name) ||
        a.deal.referralId.localeCompare(b.deal.referralId),
    )
    .map(({ deal }) => deal);
}

function compareTimes(a: number, b: number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
