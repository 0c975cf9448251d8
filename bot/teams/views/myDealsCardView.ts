import type { AdaptiveCard } from '../../../cards/render';
import { renderReferralListCard, type ListPager } from '../../../cards/referralListCard';
import { VERBS } from '../../../cards/verbs';
import type { Viewer } from '../../domain/access';
import { listedFor, summaryOf } from '../../domain/dealSummary';
import { byUrgency } from '../../domain/dealUrgency';
import { answeredRegionCodes, isAnswerable, myDealsList, undecidedToAnswer } from '../../domain/myDeals';
import { pageOf, type Page } from '../../domain/paging';
import type { Actor, ReferralRecord } from '../../domain/referral';
import { regionsWithManagers } from '../../referrals';
import type { Services } from '../../services';
import type { ReferralScope } from '../access/referralScope';
import type { Strings } from '../../strings/en';
import { currentSummaries } from './currentSummaries';
import { dealListItem } from './dealListItem';

/** Lines per page of `my deals`: a page reads at a glance and stays small. */
export const MY_DEALS_PAGE_SIZE = 10;

/** What `my deals` reads: the indexes, the channel links, the regions' managers and the stored referrals. */
export type MyDealsServices = Pick<
  Services,
  'strings' | 'clock' | 'indexes' | 'links' | 'regions' | 'roles' | 'referrals'
>;

/**
 * Page `page` of `my deals` for `viewer`: the undecided referrals they may answer (of the
 * regions they manage or answer for, or going to a channel of one of their teams; see
 * undecidedToAnswer) and the referrals they own, are on the team of or said Interested on,
 * the most urgent first, each line checked against the stored referral. Only the open-deals
 * index of the regions in question is read, never every referral.
 */
export async function myDealsCard(
  services: MyDealsServices,
  viewer: Actor,
  access: Pick<Viewer, 'actor' | 'teams'>,
  scope: ReferralScope,
  page: number,
): Promise<AdaptiveCard> {
  const { strings } = services;
  const now = services.clock();
  const [own, links, regions] = await Promise.all([
    services.indexes.personDeals(viewer.id),
    services.links.list(),
    regionsWithManagers(services),
  ]);
  const open = await Promise.all(
    answeredRegionCodes(access, links, regions).map((code) => services.indexes.openDeals(code)),
  );
  const toAnswer = new Set(undecidedToAnswer(open.flat(), access, links, regions, now).map((deal) => deal.referralId));
  const listed = myDealsList(
    own,
    open.flat().filter((deal) => toAnswer.has(deal.referralId)),
    now,
  );
  const shown = pageOf(listed, page, MY_DEALS_PAGE_SIZE);
  const ids = shown.items.map((deal) => deal.referralId);
  // The viewer's scope (checked by currentSummaries) says whether they still answer for it.
  const belongs = (record: ReferralRecord) =>
    listedFor(record).includes(viewer.id) ||
    (toAnswer.has(record.referral.id) && isAnswerable(summaryOf(record, services.regions), now));
  const current = byUrgency(await currentSummaries(services, scope, ids, belongs), now);
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
