import { Duration, type DateTime } from 'luxon';
import type { DealSummary } from './dealSummary';
import { parseInstant } from './timeLimits';

/** What `expiring` calls soon: the last three days before a referral's deadline. */
export const EXPIRING_WINDOW = Duration.fromObject({ days: 3 });

/**
 * Whether an undecided referral's deadline lies ahead and within `window`. One whose
 * deadline has passed is left out: it can no longer be answered, and expires within a minute.
 */
export function isExpiringSoon(deal: DealSummary, now: DateTime, window: Duration = EXPIRING_WINDOW): boolean {
  if ((deal.stage !== 'received' && deal.stage !== 'evaluating') || !deal.deadline) return false;
  const deadline = parseInstant(deal.deadline);
  return deadline > now && deadline <= now.plus(window);
}

/** The undecided referrals among `deals` expiring within `window`, soonest first. Pure. */
export function expiringSoon(
  deals: readonly DealSummary[],
  now: DateTime,
  window: Duration = EXPIRING_WINDOW,
): DealSummary[] {
  return deals
    .filter((deal) => isExpiringSoon(deal, now, window))
    .sort(
      (a, b) =>
        parseInstant(a.deadline!).toMillis() - parseInstant(b.deadline!).toMillis() ||
        a.referralId.localeCompare(b.referralId),
    );
}
