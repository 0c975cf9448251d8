import type { DealSummary } from '../../domain/dealSummary';
import { summaryOf } from '../../domain/dealSummary';
import type { ReferralRecord } from '../../domain/referral';
import type { Services } from '../../services';
import type { ReferralScope } from '../access/referralScope';

/**
 * The listed referrals as they are stored now, in the order given. A list is drawn from an
 * index, whose rows follow a change a moment later (or after a crash, at the next change):
 * each line is read again, one no longer stored is left out, and so is one `belongs` says
 * no longer belongs in the list, and one the viewer's scope does not cover.
 */
export async function currentSummaries(
  services: Pick<Services, 'referrals' | 'regions'>,
  scope: ReferralScope,
  ids: readonly string[],
  belongs: (record: ReferralRecord) => boolean,
): Promise<DealSummary[]> {
  const stored = await Promise.all(ids.map((id) => services.referrals.get(id)));
  return stored
    .filter((s): s is NonNullable<typeof s> => s !== null && belongs(s.record) && scope.sees(s))
    .map(({ record }) => summaryOf(record, services.regions));
}
