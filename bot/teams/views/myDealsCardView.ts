import type { AdaptiveCard } from '../../../cards/render';
import { renderReferralListCard, type ListPager } from '../../../cards/referralListCard';
import { VERBS } from '../../../cards/verbs';
import { peopleOf } from '../../domain/dealSummary';
import { byUrgency } from '../../domain/dealUrgency';
import { pageOf, type Page } from '../../domain/paging';
import type { Actor } from '../../domain/referral';
import type { Services } from '../../services';
import type { ReferralScope } from '../access/referralScope';
import type { Strings } from '../../strings/en';
import { currentSummaries } from './currentSummaries';
import { dealListItem } from './dealListItem';

/** Lines per page of `my deals`: a page reads at a glance and stays small. */
export const MY_DEALS_PAGE_SIZE = 10;

/**
 * Page `page` of the referrals `viewer` owns or is on the team of, the most urgent first,
 * each line checked against the stored referral.
 */
export async function myDealsCard(services: Services, viewer: Actor, scope: ReferralScope, page: number): Promise<AdaptiveCard> {
  const { strings } = services;
  const now = services.clock();
  const shown = pageOf(byUrgency(await services.indexes.personDeals(viewer.id), now), page, MY_DEALS_PAGE_SIZE);
  const ids = shown.items.map((deal) => deal.referralId);
  const current = byUrgency(await currentSummaries(services, scope, ids, (record) => peopleOf(record).includes(viewer.id)), now);
  return renderReferralListCard({
    title: strings.myDeals.title,
    empty: strings.myDeals.empty,
    items: current.map((deal) => dealListItem(deal, viewer, now, strings)),
    openTitle: strings.dealList.open,
    footnote: '',
    pager: shown.pages > 1 ? pagerOf(shown, strings) : undefined,
  });
}

function pagerOf(shown: Page<unknown>, strings: Strings): ListPager {
  const button = (title: string, page: number) => ({ title, verb: VERBS.myDealsPage, data: { page } });
  return {
    position: strings.dealList.page(shown.page, shown.pages, shown.total),
    previous: shown.page > 1 ? button(strings.dealList.previous, shown.page - 1) : undefined,
    next: shown.page < shown.pages ? button(strings.dealList.next, shown.page + 1) : undefined,
  };
}
