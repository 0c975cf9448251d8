import { regionsRoutedTo } from '../domain/routing';
import type { Services } from '../services';

/** What redrawing a channel's cards reads: the links, each region's open referrals, and the card sync. */
export type ChannelCardsServices = Pick<Services, 'links' | 'indexes' | 'regions' | 'cards'>;

/**
 * Redraws the cards of the open referrals the channel's links bring to it (once it reads
 * another language): each is queued for the card sync, which draws it anew where it is, in
 * its channel's language. Closed referrals' cards, which change no more, stay as they are.
 * Queued before this returns (a crash after leaves the tasks stored); returns how many.
 */
export async function redrawChannelCards(services: ChannelCardsServices, channelId: string): Promise<number> {
  const regions = regionsRoutedTo(channelId, await services.links.list(), services.regions);
  const open = (await Promise.all(regions.map((region) => services.indexes.openDeals(region)))).flat();
  const ids = [...new Set(open.map((deal) => deal.referralId))];
  for (const id of ids) await services.cards.refresh(id);
  return ids.length;
}
