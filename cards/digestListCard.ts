import template from './templates/digestList.json';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

export interface DigestListCardData {
  title: string;
  /** Which part of the list this page shows. */
  subtitle: string;
  empty: string;
  items: { referralId: string; title: string; subtitle: string }[];
  /** Each item's button, which opens its referral's card in place of the list. */
  openTitle: string;
  /** Which list of which regions (the page buttons' data). */
  list: string;
  regions: string;
  /** -1 hides the button. */
  previousPage: number;
  nextPage: number;
  previousTitle: string;
  nextTitle: string;
}

const listTemplate = new CardTemplate<DigestListCardData & { openVerb: string; pageVerb: string }>(template);

/** One page of a digest's deal list, with buttons to the pages before and after it. */
export function renderDigestListCard(data: DigestListCardData): AdaptiveCard {
  return listTemplate.render({ ...data, openVerb: VERBS.refresh, pageVerb: VERBS.digestList });
}
