import { TurnContext, type ConversationReference } from 'botbuilder';
import { channelConversationId, type ChannelRef } from '../domain/routing';

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

export function teamsChannelData(turn: TurnContext): TeamsChannelData {
  return (turn.activity.channelData ?? {}) as TeamsChannelData;
}

/** The channel a message was written in, or undefined outside team channels. */
export function channelOf(turn: TurnContext): ChannelRef | undefined {
  const data = teamsChannelData(turn);
  if (turn.activity.conversation?.conversationType !== 'channel' && !data.channel?.id) return undefined;
  return {
    conversationId: data.channel?.id ?? channelConversationId(turn.activity.conversation.id),
    teamId: data.team?.id,
    channelName: data.channel?.name,
  };
}

/** A reference that posts new top-level messages to the channel (not into the thread). */
export function channelReference(turn: TurnContext, channel: ChannelRef): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(turn.activity);
  return { ...reference, activityId: undefined, conversation: { ...reference.conversation!, id: channel.conversationId } };
}
