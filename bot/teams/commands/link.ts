import { literal } from '../../../cards/literal';
import { parseLinkTarget, type LinkTarget } from '../../domain/routing';
import { channelName, channelOf, channelReference } from '../teamsChannel';
import { describeTarget, validRegionCodes } from '../views/linkTargets';
import type { Services } from '../../services';
import { mayChangeLinks, type LinkEditingServices } from '../access/linkEditing';
import type { Command } from './command';

/** What `link` uses: who may change links, the channel's reference, the links, and the card sync for waiting cards. */
export type LinkCommandServices = Pick<Services, 'strings' | 'regions' | 'conversations' | 'links' | 'cards'> &
  LinkEditingServices;

/**
 * `link <code> [<code>…]`: referrals of these regions or countries (or the rest) go to this
 * channel. Codes it does not know and channels' names are echoed as typed.
 */
export const link: Command<LinkCommandServices> = async (context) => {
  const { turn, args, services } = context;
  const { strings, regions } = services;
  const here = channelOf(turn);
  if (!here) return void (await turn.sendActivity(strings.commands.linkNeedsChannel));
  if (!(await mayChangeLinks(context))) return;
  if (args.length === 0)
    return void (await turn.sendActivity(strings.commands.linkNeedsCodes(validRegionCodes(regions))));
  const targets = args.map((arg) => ({ arg, target: parseLinkTarget(arg, regions) }));
  const unknown = targets.filter((t) => !t.target).map((t) => `"${literal(t.arg)}"`);
  if (unknown.length > 0) {
    return void (await turn.sendActivity(strings.commands.unknownCodes(unknown.join(', '), validRegionCodes(regions))));
  }

  const channel = { ...here, channelName: await channelName(turn, here, strings.commands.generalChannel) };
  await services.conversations.put('channel', channel.conversationId, channelReference(turn, channel));
  const existing = await services.links.list();
  const lines: string[] = [];
  const linked: LinkTarget[] = [];
  for (const { target } of targets as { target: LinkTarget }[]) {
    if (linked.some((t) => t.code === target.code)) continue;
    const before = existing.find((l) => l.target.code === target.code);
    if (before && before.channel.conversationId !== channel.conversationId) {
      const from = literal(before.channel.channelName ?? before.channel.conversationId);
      lines.push(strings.commands.linkMoved(describeTarget(target, regions, strings), from));
    }
    await services.links.put({ target, channel });
    linked.push(target);
  }
  const names = strings.format.list(...linked.map((t) => describeTarget(t, regions, strings)));
  lines.unshift(
    strings.commands.linked(names, channel.channelName ? literal(channel.channelName) : strings.commands.thisChannel),
  );
  const waiting = await services.cards.releaseUnrouted();
  if (waiting > 0) lines.push(strings.commands.postingWaiting(waiting));
  await turn.sendActivity(lines.join('\n\n'));
};
