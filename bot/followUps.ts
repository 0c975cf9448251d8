import type { ReferralRecord } from './domain/referral';
import { indexReferral } from './indexing';
import { planReferral } from './planning';
import { tellNewPeople } from './teams/assignmentNotices';
import { tellConflicts } from './teams/conflictNotices';
import type { Services } from './services';

/**
 * What every change of a referral is followed by: its plan of due work, its index rows, its
 * write-back to Partner Center (queued when there is something to write), and (with `tell`)
 * direct messages to the people who now work on it and to its owner about conflicts with
 * Partner Center. Safe to repeat; the card
 * sync repeats it for every change, so one cut short by a crash is completed. The messages
 * go from there only, so the user who clicked is answered without waiting for them.
 */
export async function followUp(
  services: Services,
  record: ReferralRecord,
  options: { tell?: boolean } = {},
): Promise<void> {
  await planReferral(services, record);
  await indexReferral(services, record);
  await services.partnerCenter?.writeBack.queue(record);
  if (options.tell) {
    await tellNewPeople(services, record);
    await tellConflicts(services, record);
  }
}

/**
 * The follow-up of a change already saved, in a request whose user must hear that it was: a
 * failure (storage busy or out of reach for a moment) is logged and left to the card sync,
 * whose task the change queued before it was saved and which repeats the follow-up until it
 * succeeds. Nobody is told "nothing was changed" about a change that was kept.
 */
export async function followUpSaved(services: Services, record: ReferralRecord): Promise<void> {
  try {
    await followUp(services, record);
  } catch (error) {
    services.log.error(
      `referral ${record.referral.id} is saved; the card sync completes what follows the change`,
      error,
    );
  }
}
