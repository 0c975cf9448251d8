import type { Activity, TurnContext } from 'botbuilder';
import type { Actor } from '../domain/referral';
import type { Services } from '../services';
import { botbuilder } from './botbuilderLibrary';
import { sendDirect, type DirectServices } from './directMessages';
import { channelOf, channelReference } from './teamsChannel';

/** Where a message for the sender's eyes only went: into this (personal) chat, their personal chat, or nowhere. */
export type PrivateDelivery = 'here' | 'direct' | 'undelivered';

/** What sending to the sender alone uses: direct messages, and the log for one that could not go. */
export type PrivateDeliveryServices = DirectServices & Pick<Services, 'log'>;

/**
 * Sends what only the user who wrote or clicked should see (a digest, one of its lists):
 * into this conversation when it is their personal chat, else as a direct message (the
 * chat opened through this conversation's team when there is none yet), never into a
 * channel or group chat.
 */
export async function sendToSender(
  turn: TurnContext,
  services: PrivateDeliveryServices,
  actor: Actor,
  activity: Partial<Activity>,
): Promise<PrivateDelivery> {
  if (turn.activity.conversation?.conversationType === 'personal') {
    await turn.sendActivity(activity);
    return 'here';
  }
  const channel = channelOf(turn);
  const via = channel
    ? channelReference(turn, channel)
    : botbuilder().TurnContext.getConversationReference(turn.activity);
  const outcome = await sendDirect(services, actor, activity, via);
  if (outcome.sent) return 'direct';
  services.log.error(`message for ${actor.id} alone not delivered: ${outcome.reason}`);
  return 'undelivered';
}
