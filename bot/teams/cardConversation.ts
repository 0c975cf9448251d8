import type { ConversationReference } from 'botbuilder';
import type { Services } from '../services';
import type { StoredReferral } from '../store';

/** The reference of the channel the referral's card is in; null while it is not posted. */
export async function channelReferenceOf(
  services: Pick<Services, 'conversations'>,
  stored: StoredReferral,
): Promise<Partial<ConversationReference> | null> {
  return stored.card ? services.conversations.get('channel', stored.card.conversationId) : null;
}

/** The conversation of the thread under the message `activityId` in `channel`: replies go to `<channel>;messageid=<message>`. */
export function threadOf(
  channel: Partial<ConversationReference>,
  conversationId: string,
  activityId: string,
): Partial<ConversationReference> {
  return { ...channel, conversation: { ...channel.conversation!, id: `${conversationId};messageid=${activityId}` } };
}
