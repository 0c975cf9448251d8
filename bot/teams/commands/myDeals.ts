import { cardAttachment } from '../../../cards/render';
import { myDealsCard } from '../views/myDealsCardView';
import { referralScope } from '../access/referralScope';
import type { Command } from './command';

/** `my deals`: the undecided referrals the sender may answer, then those they own or are on the team of, the most urgent first, in pages. */
export const myDeals: Command = async ({ turn, args, actor, services, access }) => {
  if (args[0]?.toLowerCase() !== 'deals') return void (await turn.sendActivity(services.strings.myDeals.usage));
  await turn.sendActivity({
    attachments: [
      cardAttachment(
        await myDealsCard(services, actor, access.viewer, await referralScope(services, access.viewer), 1),
      ),
    ],
  });
};
