import { literal } from '../../../cards/literal';
import { cardAttachment } from '../../../cards/render';
import { renderLinksCard } from '../../../cards/linksCard';
import { channelOf } from '../teamsChannel';
import type { Services } from '../../services';
import { describeTarget } from '../views/linkTargets';
import { CATALOGS, spokenLanguage } from '../../strings/catalogs';
import type { Command } from './command';

/**
 * `links`: which channel receives which region, country and the fallback, and the language of
 * each channel that chose its own; channels' names as typed.
 */
export const links: Command<Pick<Services, 'strings' | 'regions' | 'links' | 'channelLanguages'>> = async ({
  turn,
  services,
}) => {
  const { strings, regions } = services;
  const [all, languages] = await Promise.all([services.links.list(), services.channelLanguages.list()]);
  const ownLanguage = (channelId: string) =>
    spokenLanguage(languages.find((row) => row.channelId === channelId)?.language);
  if (all.length === 0) return void (await turn.sendActivity(strings.commands.linksEmpty));
  const here = channelOf(turn)?.conversationId;
  const order = { country: 0, region: 1, fallback: 2 } as const;
  const rows = [...all]
    .sort((a, b) => order[a.target.kind] - order[b.target.kind] || a.target.code.localeCompare(b.target.code))
    .map((l) => {
      const channel =
        l.channel.conversationId === here
          ? strings.commands.thisChannel
          : literal(l.channel.channelName ?? l.channel.conversationId);
      const language = ownLanguage(l.channel.conversationId);
      return {
        title: describeTarget(l.target, regions, strings),
        value: language ? strings.commands.channelInLanguage(channel, CATALOGS[language].name) : channel,
      };
    });
  const uncovered = all.some((l) => l.target.kind === 'fallback')
    ? []
    : regions.filter((r) => !all.some((l) => l.target.code === r.code)).map((r) => `${r.name} (${r.code})`);
  const card = renderLinksCard({
    title: strings.commands.linksTitle,
    rows,
    footnote: uncovered.length > 0 ? strings.commands.uncoveredRegions(strings.format.list(...uncovered)) : '',
  });
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
};
