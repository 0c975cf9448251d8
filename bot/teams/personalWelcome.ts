import type { TurnContext } from 'botbuilder';
import { cardAttachment } from '../../cards/render';
import type { Actor } from '../domain/referral';
import type { Services } from '../services';
import type { Strings } from '../strings/en';
import { personalWelcomeCard } from './views/personalWelcomeCardView';

/**
 * Sends each user the welcome card in their personal chat, the first time only: at their
 * personal install, or their first message, whichever comes first.
 */
export class PersonalWelcome {
  /** Users known to have been welcomed, so their later messages cost no read. */
  private readonly welcomed = new Set<string>();

  constructor(private readonly services: Pick<Services, 'users' | 'clock'>) {}

  /**
   * Sends the welcome card unless the user had it; true when it was sent now. The profile
   * notes it before the card goes out, so duplicate announcements and a racing first
   * message send it once; a send that fails then is not repeated, and `help` still lists
   * everything.
   */
  async once(turn: TurnContext, actor: Actor, strings: Strings): Promise<boolean> {
    if (this.welcomed.has(actor.id)) return false;
    const first = await this.services.users.markWelcomed(actor.id, this.services.clock().toUTC().toISO()!);
    this.welcomed.add(actor.id);
    if (!first) return false;
    await turn.sendActivity({ attachments: [cardAttachment(personalWelcomeCard(strings))] });
    return true;
  }
}
