import { VERBS } from '../verbs';
import type { CardElement } from '../elements';
import type { ReferralCardData } from './referralCardData';

/** History and the favourite star, on every referral card. */
export function footerSection({ footer, referralId }: ReferralCardData): CardElement[] {
  return [
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [
        {
          type: 'Action.Execute',
          title: footer.historyTitle,
          verb: VERBS.history,
          associatedInputs: 'none',
          data: { referralId },
        },
        {
          type: 'Action.Execute',
          title: footer.favoriteTitle,
          verb: VERBS.favorite,
          associatedInputs: 'none',
          data: { referralId, on: footer.favoriteOn },
        },
      ],
    },
  ];
}
