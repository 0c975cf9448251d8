import template from './templates/referralList.json';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

export interface ReferralListItem {
  referralId: string;
  title: string;
  /** Stage, value and the next date that matters. */
  subtitle: string;
}

export interface ReferralListCardData {
  title: string;
  /** Shown when the list is empty. */
  empty: string;
  items: ReferralListItem[];
  /** Title of each item's button, which opens the referral's card in place of the list. */
  openTitle: string;
  footnote: string;
}

const listTemplate = new CardTemplate<ReferralListCardData & { openVerb: string }>(template);

/** A list of referrals (e.g. a user's favourites), each with a button that opens its card. */
export function renderReferralListCard(data: ReferralListCardData): AdaptiveCard {
  return listTemplate.render({ ...data, openVerb: VERBS.refresh });
}
