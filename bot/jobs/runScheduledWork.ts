import type { DateTime } from 'luxon';
import { SYSTEM_ACTOR } from '../domain/referral';
import { changeReferral, type ChangeDeps } from '../referrals';
import type { Services } from '../services';
import type { ScheduledWork } from '../store';
import { sendDirectReminder, type DirectReminderServices } from './directReminder';
import type { WorkResult } from './scheduler';
import { isOwed, stillOwed } from './stillOwed';
import { sendThreadReminder, type ThreadReminderServices } from './threadReminder';
import { sendWeeklyDigest, type WeeklyDigestServices } from './weeklyDigest';

/** What due work uses, every kind together: expiry's change, the reminders', the digests', and the card sync. */
export type ScheduledWorkServices = ChangeDeps &
  ThreadReminderServices &
  DirectReminderServices &
  WeeklyDigestServices &
  Pick<Services, 'cards'>;

/**
 * Runs one piece of due work. Expiry closes an undecided referral as Expired (or Missed)
 * and updates its card for everyone; nudges and reminders go to the card's thread, or to
 * one person directly; a card refresh brings the channel card up to date. A referral that
 * was decided meanwhile needs nothing.
 */
export async function runScheduledWork(
  services: ScheduledWorkServices,
  work: ScheduledWork,
  now: DateTime,
): Promise<WorkResult> {
  switch (work.kind) {
    case 'expire': {
      const outcome = await changeReferral(services, work.referralId, { action: 'expire' }, SYSTEM_ACTOR);
      return outcome.kind === 'busy' ? 'retry' : 'done';
    }
    case 'responseNudge':
    case 'deadlineReminder':
      return sendThreadReminder(services, work, now);
    case 'deadlineDm':
    case 'escalation':
    case 'staleDeal':
    case 'snoozed':
      return sendDirectReminder(services, work, now);
    case 'digest':
      return sendWeeklyDigest(services, work, now);
    case 'cardRefresh': {
      const owed = await stillOwed(services, work, now);
      if (isOwed(owed)) await services.cards.refresh(work.referralId);
      return isOwed(owed) ? 'done' : owed;
    }
  }
}
