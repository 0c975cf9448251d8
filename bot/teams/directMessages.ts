import type { Activity, ConversationReference } from 'botbuilder';
import type { Actor } from '../domain/referral';
import type { Services } from '../services';
import { DeliveryError, type PostedMessageId } from './messenger';
import { teamsIdentity } from './people';

/** Whom a direct message is for: an actor id (AAD object id or Teams id), with what else is known. */
export type Recipient = Pick<Actor, 'id'> & Partial<Actor>;

/** Sent (to which chat, as which message: none when Teams took it without an id), or why the user could not be reached. */
export type DirectOutcome =
  { sent: true; chatId: string; activityId: PostedMessageId } | { sent: false; reason: string };

/** What a direct message uses: the users' profiles and chats, and Teams (which also finds people in a team). */
export type DirectServices = Pick<Services, 'users' | 'conversations' | 'messenger'>;

/**
 * Sends a message to a user's 1:1 chat with the bot. When there is none yet, the user is
 * found in the team of `via` (a channel the bot is in) and the chat is opened, as Teams lets
 * a bot do with the members of its teams. A user Teams refuses to reach (app blocked or
 * removed, not in the team) is reported, not retried; other failures throw, to be retried.
 */
export async function sendDirect(
  services: DirectServices,
  recipient: Recipient,
  activity: Partial<Activity>,
  via: Partial<ConversationReference> | null,
): Promise<DirectOutcome> {
  try {
    const chat = await chatWith(services, recipient, via);
    if (!chat) return { sent: false, reason: `no chat with ${recipient.id} and no team to find them in` };
    const activityId = await services.messenger.send(chat, activity);
    return { sent: true, chatId: chat.conversation!.id, activityId };
  } catch (error) {
    if (error instanceof DeliveryError && error.permanent) return { sent: false, reason: error.message };
    throw error;
  }
}

async function chatWith(
  services: DirectServices,
  recipient: Recipient,
  via: Partial<ConversationReference> | null,
): Promise<Partial<ConversationReference> | null> {
  const { users, conversations, messenger } = services;
  const profile = await users.find(recipient.id);
  const known = profile?.chatId ? await conversations.get('personal', profile.chatId) : null;
  if (known) return known;
  if (!via) return null;
  const teamsId = recipient.teamsId ?? (await teamsIdentity(services, recipient.id, via))?.teamsId;
  if (!teamsId) return null;
  const tenantId = profile?.tenantId ?? via.conversation?.tenantId;
  const chatId = await messenger.openChat(via, teamsId, tenantId);
  const reference: Partial<ConversationReference> = {
    channelId: via.channelId,
    serviceUrl: via.serviceUrl,
    bot: via.bot,
    user: { id: teamsId, name: recipient.name ?? profile?.name ?? '' },
    conversation: { id: chatId, conversationType: 'personal', isGroup: false, tenantId, name: '' },
  };
  await conversations.put('personal', chatId, reference);
  await users.learn(profile?.id ?? recipient.id, { chatId, teamsId, tenantId, serviceUrl: via.serviceUrl });
  return reference;
}
