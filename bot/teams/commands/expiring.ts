import { cardAttachment } from '../../../cards/render';
import { expiringCard } from '../views/expiringCardView';
import { referralScope } from '../access/referralScope';
import type { Command } from './command';

/** `expiring`: undecided referrals of the sender's regions that expire within 3 days, soonest first. */
export const expiring: Command = async ({ turn, actor, services, access }) => {
  const card = await expiringCard(services, actor, await referralScope(services, access.viewer));
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
};
