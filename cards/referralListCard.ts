import template from './templates/referralList.json';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

export interface ReferralListItem {
  referralId: string;
  title: string;
  /** Stage, value and the next date that matters. */
  subtitle: string;
  /** What needs doing soon (an overdue close date, little time left), shown in red; empty for nothing. */
  attention?: string;
}

/** A button to another page of the list: the verb that draws it and the data it needs. */
export interface ListPageButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Where the page lies in the list, and the buttons to the pages around it. */
export interface ListPager {
  position: string;
  previous?: ListPageButton;
  next?: ListPageButton;
}

export interface ReferralListCardData {
  title: string;
  /** Under the title (e.g. which regions the list covers); empty for none. */
  intro?: string;
  /** Shown when the list is empty. */
  empty: string;
  items: ReferralListItem[];
  /** Title of each item's button, which opens the referral's card in place of the list. */
  openTitle: string;
  footnote: string;
  /** For a list longer than a page. */
  pager?: ListPager;
}

/** What the template binds: optional parts spelled out, so `$when` needs no null checks. */
interface BoundListData extends Omit<ReferralListCardData, 'items' | 'pager'> {
  intro: string;
  items: Required<ReferralListItem>[];
  openVerb: string;
  paged: boolean;
  position: string;
  previous: ListPageButton | { title: '' };
  next: ListPageButton | { title: '' };
}

const listTemplate = new CardTemplate<BoundListData>(template);

/**
 * A list of referrals (a user's deals, favourites, search results), each with its key facts
 * and a button that opens its card; paged with Previous and Next when a pager is given.
 */
export function renderReferralListCard(data: ReferralListCardData): AdaptiveCard {
  const { pager, ...rest } = data;
  return listTemplate.render({
    ...rest,
    intro: data.intro ?? '',
    items: data.items.map((item) => ({ ...item, attention: item.attention ?? '' })),
    openVerb: VERBS.refresh,
    paged: pager !== undefined,
    position: pager?.position ?? '',
    previous: pager?.previous ?? { title: '' },
    next: pager?.next ?? { title: '' },
  });
}
