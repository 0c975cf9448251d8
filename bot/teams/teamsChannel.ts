import type { ConversationReference, TurnContext } from 'botbuilder';
import { channelConversationId, type ChannelRef } from '../domain/routing';
import { botbuilder } from './botbuilderLibrary';

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
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

/** Whether the activity comes from a user's personal (1:1) chat with the bot. */
export function isPersonalChat(turn: TurnContext): boolean {
  return turn.activity.conversation?.conversationType === 'personal';
}

/** A reference that posts new top-level messages to the channel (not into the thread). */
export function channelReference(turn: TurnContext, channel: ChannelRef): Partial<ConversationReference> {
  const reference = botbuilder().TurnContext.getConversationReference(turn.activity);
  return {
    ...reference,
    activityId: undefined,
    conversation: { ...reference.conversation!, id: channel.conversationId },
  };
}

/**
 * The channel's display name. Teams leaves it out of most message activities, so it is
 * looked up among the team's channels (the General channel has no name of its own).
 */
export async function channelName(
  turn: TurnContext,
  channel: ChannelRef,
  general: string,
): Promise<string | undefined> {
  if (channel.channelName) return channel.channelName;
  if (!channel.teamId) return undefined;
  try {
    const channels = await botbuilder().TeamsInfo.getTeamChannels(turn, channel.teamId);
    const found = channels.find((c) => c.id === channel.conversationId);
    return found ? (found.name ?? general) : undefined;
  } catch {
    // Only a label: without it the link still works and is shown by its id.
    return undefined;
  }
}
