import type { ReferralRecord } from './domain/referral';
import { indexReferral } from './indexing';
import { planReferral } from './planning';
import { tellNewPeople } from './teams/assignmentNotices';
import type { Services } from './services';

/**
 * What every change of a referral is followed by: its plan of due work, its index rows, and
 * (with `tell`) direct messages to the people who now work on it. Safe to repeat; the card
 * sync repeats it for every change, so one cut short by a crash is completed. The messages
 * go from there only, so the user who clicked is answered without waiting for them.
 */
export async function followUp(services: Services, record: ReferralRecord, options: { tell?: boolean } = {}): Promise<void> {
  await planReferral(services, record);
  await indexReferral(services, record);
  if (options.tell) await tellNewPeople(services, record);
}
