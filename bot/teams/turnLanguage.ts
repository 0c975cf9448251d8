import type { TurnContext } from 'botbuilder';
import { servicesFor, servicesInChannel, type ChannelLanguageServices, type LanguageServices } from '../languages';
import type { Actor } from '../domain/referral';
import { channelOf, isPersonalChat } from './teamsChannel';

/** What finding the language of a turn's answer reads: the user's and the channels' languages. */
export type TurnLanguageServices = LanguageServices & ChannelLanguageServices;

/**
 * The services a message is answered with: in a personal chat, in its user's language; in a
 * channel, read by all, in the channel's (the desk's unless it chose its own); in a group chat,
 * in the desk's.
 */
export function servicesForMessage<S extends TurnLanguageServices>(
  services: S,
  turn: TurnContext,
  actor: Actor,
): Promise<S> {
  if (isPersonalChat(turn)) return servicesFor(services, actor.id);
  const channel = channelOf(turn)?.conversationId;
  return channel ? servicesInChannel(services, channel) : Promise.resolve(services);
}

/**
 * The services a click is answered with. What a click answers is for the clicking user alone:
 * in their language (their client's locale as it is now, should they have chosen none: it is
 * learned only after the answer); but a card in a channel that chose its own language stays
 * in it for everyone there, the clicking user too.
 */
export function servicesForClick<S extends TurnLanguageServices>(
  services: S,
  turn: TurnContext,
  actor: Actor,
): Promise<S> {
  const own = () => servicesFor(services, actor.id, turn.activity.locale);
  const channel = channelOf(turn)?.conversationId;
  return channel ? servicesInChannel(services, channel, own) : own();
}
