import type { DateTime } from 'luxon';
import type { ReminderKind } from '../domain/reminderPlan';
import { SYSTEM_ACTOR } from '../domain/referral';
import { changeReferral } from '../referralChanges';
import type { Services } from '../services';
import type { ScheduledWork } from '../store/scheduleRepository';
import type { WorkResult } from './scheduler';
import { sendReminder } from './sendReminder';

/** The kinds of scheduled work the desk runs; the plan holds only these. */
export const RUNNABLE_KINDS: readonly ReminderKind[] = ['expire', 'responseNudge', 'deadlineReminder'];

/**
 * Runs one piece of due work. Expiry closes an undecided referral as Expired (or Missed)
 * and updates its card for everyone; nudges and reminders go to the card's thread. A
 * referral that was decided meanwhile needs nothing.
 */
export async function runScheduledWork(services: Services, work: ScheduledWork, now: DateTime): Promise<WorkResult> {
  switch (work.kind) {
    case 'expire': {
      const outcome = await changeReferral(services, work.referralId, { action: 'expire' }, SYSTEM_ACTOR);
      return outcome.kind === 'busy' ? 'retry' : 'done';
    }
    case 'responseNudge':
    case 'deadlineReminder':
      return sendReminder(services, work, now);
    default:
      services.log.error(`scheduled ${work.kind} of referral ${work.referralId} has no runner; it is not planned any more`);
      return 'done';
  }
}
