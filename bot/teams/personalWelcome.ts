import type { TurnContext } from 'botbuilder';
import { cardAttachment } from '../../cards/render';
import type { Actor } from '../domain/referral';
import type { Services } from '../services';
import { personalWelcomeCard } from './views/personalWelcomeCardView';

/**
 * Sends the welcome card into the user's personal chat, the first time only (their
 * personal install, or their first message, whichever comes first). The profile notes it
 * before the card goes out, so duplicate announcements and a racing first message send
 * it once; a send that fails then is not repeated, and `help` still lists everything.
 */
export async function welcomeOnce(turn: TurnContext, actor: Actor, services: Services): Promise<boolean> {
  if (!(await services.users.markWelcomed(actor.id, services.clock().toUTC().toISO()!))) return false;
  await turn.sendActivity({ attachments: [cardAttachment(personalWelcomeCard(services.strings))] });
  return true;
}
