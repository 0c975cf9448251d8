import type { Authority } from '../../../domain/permissions';
import type { Actor } from '../../../domain/referral';
import type { CatalogSolution } from '../../../domain/solutions';

/**
 * Whose card it is and what it says on top. Without a viewer it is the channel's shared
 * card: read-only for an accepted deal, whose workers' clients each fetch their own
 * version (with Won and Lost) through the card's refresh.
 */
export interface CardView {
  viewer?: Actor;
  /** The viewer's authority over this referral (managers and admins may hand it over). */
  authority?: Authority;
  /** Whether the viewer starred this referral. */
  favorite?: boolean;
  /** Shown in a banner on top, e.g. why an action did not apply. */
  notice?: string;
  /** The partner's solutions: offered to add, and telling which are incentive-eligible. */
  solutions?: readonly CatalogSolution[];
  /** Sent as a reminder: offers Snooze, and on a deal gone stale, moving its close date. */
  reminder?: boolean;
}
