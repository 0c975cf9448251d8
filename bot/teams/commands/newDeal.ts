import { randomUUID } from 'node:crypto';
import { cardAttachment } from '../../../cards/render';
import { newDealId } from '../../domain/newDeal';
import type { Services } from '../../services';
import { senderContact } from '../teamDirectory';
import { newDealCard } from '../views/newDealCardView';
import type { Command } from './command';

/**
 * `new deal`: the form for a deal the partner found itself (in a channel or a personal chat),
 * its team member filled in with what Teams knows of the sender.
 */
export const newDeal: Command<Pick<Services, 'strings' | 'solutions' | 'clock'>> = async ({ turn, args, services }) => {
  if (args[0]?.toLowerCase() !== 'deal') return void (await turn.sendActivity(services.strings.newDeal.usage));
  const card = newDealCard(
    newDealId(randomUUID()),
    services.solutions,
    services.clock(),
    services.strings,
    await senderContact(turn),
  );
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
};
