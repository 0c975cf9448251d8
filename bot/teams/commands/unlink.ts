import { literal } from '../../../cards/literal';
import { parseLinkTarget } from '../../domain/routing';
import { channelOf } from '../teamsChannel';
import { describeTarget, validRegionCodes } from '../views/linkTargets';
import { mayChangeLinks } from '../access/linkEditing';
import type { Command } from './command';

/** `unlink <code> [<code>…]`: stop sending these regions or countries to this channel; unknown codes are echoed as typed. */
export const unlink: Command = async (context) => {
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
  if (removed.length > 0) lines.push(strings.commands.unlinked(removed.join(', ')));
  if (notHere.length > 0) lines.push(strings.commands.notLinkedHere(notHere.join(', ')));
  await turn.sendActivity(lines.join('\n\n'));
};
