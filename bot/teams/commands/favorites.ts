import { cardAttachment } from '../../../cards/render';
import { renderReferralListCard } from '../../../cards/referralListCard';
import { summaryOf } from '../../domain/dealSummary';
import { dealListItem } from '../views/dealListItem';
import type { Services } from '../../services';
import { referralScope, type ScopeServices } from '../access/referralScope';
import type { Command } from './command';

/** What `favorites` reads: the sender's stars, the starred referrals, and their scope. */
export type FavoritesCommandServices = Pick<Services, 'strings' | 'clock' | 'favorites' | 'referrals' | 'regions'> &
  ScopeServices;

/** A list card stays small and quick to read with this many favourites. */
export const MAX_FAVORITES_LISTED = 25;

/** `favorites`: the referrals the user starred, newest first, each with its key facts and a button that opens its card. */
export const favorites: Command<FavoritesCommandServices> = async ({ turn, actor, services, access }) => {
  const { strings } = services;
  const now = services.clock();
  const ids = await services.favorites.list(actor.id);
  const shown = ids.slice(0, MAX_FAVORITES_LISTED);
  const stored = await Promise.all(shown.map((id) => services.referrals.get(id)));
  const scope = await referralScope(services, access.viewer);
  const items = stored
    .filter((s): s is NonNullable<typeof s> => s !== null && scope.sees(s))
    .map(({ record }) => dealListItem(summaryOf(record, services.regions), actor, now, strings));
  const card = renderReferralListCard({
    title: strings.favorites.title,
    empty: strings.favorites.empty,
    items,
    openTitle: strings.favorites.open,
    footnote: ids.length > shown.length ? strings.favorites.more(ids.length - shown.length) : '',
  });
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
};
