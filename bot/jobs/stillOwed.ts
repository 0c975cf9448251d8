import type { DateTime } from 'luxon';
import { dueNow, nudgeCarriedBy, type PlannedWork } from '../domain/reminderPlan';
import { currentPlan } from '../referrals';
import type { Services } from '../services';
import type { StoredReferral, ScheduledWork } from '../store';
import type { WorkResult } from './scheduler';

/** Work still owed: the referral as it is now, and the work as its current plan has it. */
export interface OwedWork {
  stored: StoredReferral;
  planned: PlannedWork;
  /** The nudge a deadline reminder says too, not being sent on its own. */
  nudge?: PlannedWork;
}

/** What checking due work reads: the referral, and what its plan depends on (regions, managers, people's hours). */
export type OwedServices = Pick<
  Services,
  'referrals' | 'regions' | 'roles' | 'users' | 'defaultHours' | 'reminderPolicy'
>;

/**
 * Checks scheduled work against the referral's plan as it stands now, with its people's
 * working hours as they are now: work no longer planned (the referral was decided or its
 * dates moved) or out of date (a later reminder of the same kind is due too) is done with;
 * work whose recipient's working hours now begin later waits for them.
 */
export async function stillOwed(
  services: OwedServices,
  work: ScheduledWork,
  now: DateTime,
): Promise<OwedWork | WorkResult> {
  const stored = await services.referrals.get(work.referralId);
  if (!stored) return 'done';
  const plan = await currentPlan(services, stored.record);
  const planned = plan.find((item) => item.key === work.key);
  if (!planned) return 'done';
  if (planned.dueAt > now) return { notBefore: planned.dueAt };
  if (!dueNow(plan, new Set(), now).includes(planned)) return 'done';
  const nudge = nudgeCarriedBy(plan, planned, now);
  return nudge ? { stored, planned, nudge } : { stored, planned };
}

export function isOwed(result: OwedWork | WorkResult): result is OwedWork {
  return typeof result === 'object' && 'planned' in result;
}
