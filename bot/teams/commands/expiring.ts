import { cardAttachment } from '../../../cards/render';
import { expiringCard, type ExpiringServices } from '../views/expiringCardView';
import { referralScope, type ScopeServices } from '../access/referralScope';
import type { Command } from './command';

/** What `expiring` uses: the list and the sender's scope. */
export type ExpiringCommandServices = ExpiringServices & ScopeServices;

/** `expiring`: undecided referrals of the sender's regions that expire within 3 days, soonest first. */
export const expiring: Command<ExpiringCommandServices> = async ({ turn, actor, services, access }) => {
  const card = await expiringCard(services, actor, await referralScope(services, access.viewer));
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
};
