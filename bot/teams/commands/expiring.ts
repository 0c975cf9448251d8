import { cardAttachment } from '../../../cards/render';
import { expiringCard } from '../views/expiringCardView';
import type { Command } from './command';

/** `expiring`: undecided referrals of the sender's regions that expire within 3 days, soonest first. */
export const expiring: Command = async ({ turn, actor, services }) => {
  await turn.sendActivity({ attachments: [cardAttachment(await expiringCard(services, actor))] });
};
