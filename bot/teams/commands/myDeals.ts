import { cardAttachment } from '../../../cards/render';
import { myDealsCard, type MyDealsServices } from '../views/myDealsCardView';
import { referralScope, type ScopeServices } from '../access/referralScope';
import type { Command } from './command';

/** What `my deals` uses: the list and the sender's scope. */
export type MyDealsCommandServices = MyDealsServices & ScopeServices;

/** `my deals`: the undecided referrals the sender may answer, then those they own or are on the team of, the most urgent first, in pages. */
export const myDeals: Command<MyDealsCommandServices> = async ({ turn, args, actor, services, access }) => {
  if (args[0]?.toLowerCase() !== 'deals') return void (await turn.sendActivity(services.strings.myDeals.usage));
  await turn.sendActivity({
    attachments: [
      cardAttachment(
        await myDealsCard(services, actor, access.viewer, await referralScope(services, access.viewer), 1),
      ),
    ],
  });
};
