import { literal } from '../../../cards/literal';
import { parseLinkTarget } from '../../domain/routing';
import { channelOf } from '../teamsChannel';
import { describeTarget, validRegionCodes } from '../views/linkTargets';
import type { Services } from '../../services';
import { mayChangeLinks, type LinkEditingServices } from '../access/linkEditing';
import type { Command } from './command';

/** What `unlink` uses: who may change links, and the links. */
export type UnlinkCommandServices = Pick<Services, 'strings' | 'regions' | 'links'> & LinkEditingServices;

/** `unlink <code> [<code>…]`: stop sending these regions or countries to this channel; unknown codes are echoed as typed. */
export const unlink: Command<UnlinkCommandServices> = async (context) => {
  const { turn, args, services } = context;
  const { strings, regions } = services;
  const channel = channelOf(turn);
  if (!channel) return void (await turn.sendActivity(strings.commands.linkNeedsChannel));
  if (!(await mayChangeLinks(context))) return;
  if (args.length === 0)
    return void (await turn.sendActivity(strings.commands.linkNeedsCodes(validRegionCodes(regions))));
  const unknown = args.filter((arg) => !parseLinkTarget(arg, regions)).map((arg) => `"${literal(arg)}"`);
  if (unknown.length > 0) {
    return void (await turn.sendActivity(strings.commands.unknownCodes(unknown.join(', '), validRegionCodes(regions))));
  }
  const links = await services.links.list();
  const removed: string[] = [];
  const notHere: string[] = [];
  for (const arg of args) {
    const target = parseLinkTarget(arg, regions)!;
    const name = describeTarget(target, regions, strings);
    const current = links.find((l) => l.target.code === target.code);
    if (current?.channel.conversationId === channel.conversationId && (await services.links.remove(target)))
      removed.push(name);
    else notHere.push(name);
  }
  const lines: string[] = [];
  if (removed.length > 0) lines.push(strings.commands.unlinked(strings.format.list(...removed)));
  if (notHere.length > 0) lines.push(strings.commands.notLinkedHere(strings.format.list(...notHere)));
  await turn.sendActivity(lines.join('\n\n'));
};
