import type { Referral, ReferralRecord } from './referral';

/**
 * The product's view of where a referral stands, derived from Partner Center's
 * status/substatus pair (never stored separately, so it cannot disagree with it), and for
 * the older two-step flow from the desk's record of interest (see stageOfRecord).
 */
export type Stage = 'received' | 'evaluating' | 'accepted' | 'won' | 'lost' | 'declined' | 'expired' | 'missed';

export function stageOf(referral: Pick<Referral, 'status' | 'substatus'>): Stage {
  switch (referral.status) {
    case 'Closed':
      switch (referral.substatus) {
        case 'Won':
          return 'won';
        case 'Lost':
          return 'lost';
        case 'Expired':
          return 'expired';
        default:
          return 'declined';
      }
    case 'Active':
      return 'accepted';
    default:
      return 'received';
  }
}

/**
 * The stage with what only the desk knows: in the older two-step flow a received referral
 * someone is interested in is being evaluated, and one nobody wanted is missed.
 */
export function stageOfRecord(record: ReferralRecord): Stage {
  const stage = stageOf(record.referral);
  if (stage === 'received' && record.desk.interestedAt) return 'evaluating';
  if (record.referral.status === 'Closed' && record.desk.missed) return 'missed';
  return stage;
}
