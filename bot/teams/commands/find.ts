import { literal } from '../../../cards/literal';
import { cardAttachment } from '../../../cards/render';
import { renderReferralListCard } from '../../../cards/referralListCard';
import { byUrgency } from '../../domain/dealUrgency';
import { matchesQuery, searchPlan } from '../../domain/searchTerms';
import { currentSummaries } from '../views/currentSummaries';
import { dealListItem } from '../views/dealListItem';
import { clip } from '../views/format';
import type { Services } from '../../services';
import { referralScope, type ScopeServices } from '../access/referralScope';
import type { Command } from './command';

/** At most this many results on the card: more would be a list nobody reads; narrowing helps. */
export const MAX_FOUND_LISTED = 25;
/** Candidates read by the search term and checked against every word of the query. */
const MAX_CANDIDATES = 100;

/** What `find` reads: the search index, the stored referrals, and the sender's scope. */
export type FindCommandServices = Pick<Services, 'strings' | 'indexes' | 'clock' | 'referrals' | 'regions'> &
  ScopeServices;

/**
 * `find <text>`: referrals whose customer, deal name or CRM ID has words beginning with every
 * word typed (three letters or more), or whose id it is; open ones first, the most urgent on top.
 * The text is echoed as typed.
 */
export const find: Command<FindCommandServices> = async ({ turn, args, actor, services, access }) => {
  const { strings } = services;
  const query = clip(args.join(' ').trim(), 200);
  const plan = searchPlan(query);
  const shown = literal(query);
  if (!plan) return void (await turn.sendActivity(strings.find.usage));
  const ids = await services.indexes.findByTerm(plan.term, MAX_CANDIDATES + 1);
  const now = services.clock();
  const scope = await referralScope(services, access.viewer);
  const found = byUrgency(
    await currentSummaries(services, scope, ids.slice(0, MAX_CANDIDATES), (record) => matchesQuery(record, plan.words)),
    now,
  );
  if (found.length === 0 && ids.length <= MAX_CANDIDATES)
    return void (await turn.sendActivity(strings.find.none(shown)));
  const footnote =
    ids.length > MAX_CANDIDATES
      ? strings.find.manyMore
      : found.length > MAX_FOUND_LISTED
        ? strings.find.more(found.length - MAX_FOUND_LISTED)
        : '';
  const card = renderReferralListCard({
    title: strings.find.title(literal(clip(query, 60))),
    empty: strings.find.none(shown),
    items: found.slice(0, MAX_FOUND_LISTED).map((deal) => dealListItem(deal, actor, now, strings)),
    openTitle: strings.dealList.open,
    footnote,
  });
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
};
