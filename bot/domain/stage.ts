import type { Referral } from './referral';

/**
 * The product's view of where a referral stands, derived from Partner Center's
 * status/substatus pair (never stored separately, so it cannot disagree with it).
 */
export type Stage = 'received' | 'accepted' | 'won' | 'lost' | 'declined' | 'expired';

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
