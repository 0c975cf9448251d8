import type { ReferralRecord } from './domain/referral';
import { indexReferral } from './indexing';
import { planReferral } from './planning';
import type { Services } from './services';

/**
 * What every change of a referral is followed by: its plan of due work, and its index rows.
 * Safe to repeat; the card sync repeats it for every change, so one cut short by a crash is
 * completed.
 */
export async function followUp(services: Services, record: ReferralRecord): Promise<void> {
  await planReferral(services, record);
  await indexReferral(services, record);
}
