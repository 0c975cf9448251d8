import { literal } from '../../../cards/literal';
import { servicesFor } from '../../languages';
import type { Services } from '../../services';
import { CATALOGS, OFFERED_LANGUAGES, spokenLanguage } from '../../strings/catalogs';
import type { Strings } from '../../strings/en';
import { mayChangeLinks, type LinkEditingServices } from '../access/linkEditing';
import { redrawChannelCards, type ChannelCardsServices } from '../channelCards';
import { channelOf, isPersonalChat } from '../teamsChannel';
import type { Command } from './command';

/** What `language` uses: the channels' and the user's languages, and who may change a channel's. */
export type LanguageCommandServices = Pick<Services, 'channelLanguages' | 'users' | 'language' | 'strings'> &
  LinkEditingServices &
  ChannelCardsServices;

/** The word that goes back from a language chosen to the one a channel or user has by default. */
const DEFAULT = 'default';

/**
 * `language [<tag> | default]`: in a channel, the language its cards, replies and reminders
 * are in (the desk's unless it chose one; changed by whoever may change its links); in the
 * personal chat, the user's own (else their Teams client's). A channel's open referrals'
 * cards are redrawn in it. Alone, it says which, and lists the choices. The answer to a
 * change comes in the language just chosen.
 */
export const language: Command<LanguageCommandServices> = async (context) => {
  const { turn, args, actor, services } = context;
  const { strings } = services;
  const channel = channelOf(turn);
  if (!channel && !isPersonalChat(turn)) return void (await turn.sendActivity(strings.commands.language.notHere));
  const typed = args[0];
  if (typed === undefined) {
    const told = channel
      ? await channelLanguageText(services, channel.conversationId)
      : strings.commands.language.youRead(
          nameOf((await servicesFor(services, actor.id, turn.activity.locale)).strings),
        );
    return void (await turn.sendActivity(`${told}\n\n${strings.commands.language.choices(choiceList(strings))}`));
  }
  const reset = typed.toLowerCase() === DEFAULT;
  const chosen = reset ? undefined : spokenLanguage(typed);
  if (!reset && !chosen) {
    return void (await turn.sendActivity(strings.commands.language.unknown(literal(typed), choiceList(strings))));
  }
  if (channel) {
    if (!(await mayChangeLinks(context, 'language'))) return;
    const { channelLanguages } = services;
    if (chosen)
      await channelLanguages.choose({ channelId: channel.conversationId, language: chosen, teamId: channel.teamId });
    else await channelLanguages.forget(channel.conversationId);
    await redrawChannelCards(services, channel.conversationId);
    // From now on the channel reads the language chosen, or the desk's.
    const now = CATALOGS[chosen ?? services.language];
    const said = chosen ? now.strings.commands.language.channelChosen : now.strings.commands.language.channelDefault;
    return void (await turn.sendActivity(said(now.name)));
  }
  await services.users.chooseLanguage(actor.id, chosen ?? '');
  const now = (await servicesFor(services, actor.id, turn.activity.locale)).strings;
  const said = chosen ? now.commands.language.youChose : now.commands.language.yourDefault;
  await turn.sendActivity(said(nameOf(now)));
};

/** What the channel reads: its own language, or the desk's. */
async function channelLanguageText(services: LanguageCommandServices, channelId: string): Promise<string> {
  const own = spokenLanguage(await services.channelLanguages.of(channelId));
  const { language } = services.strings.commands;
  return own ? language.channelReads(CATALOGS[own].name) : language.channelReadsDesk(CATALOGS[services.language].name);
}

/** The language a catalog is, by its own name. */
function nameOf(strings: Strings): string {
  return Object.values(CATALOGS).find((catalog) => catalog.strings === strings)?.name ?? strings.format.locale;
}

/** "en (English), de (Deutsch), …": every language the desk offers, by the tag to type. */
function choiceList(strings: Strings): string {
  return strings.format.list(...OFFERED_LANGUAGES.map((tag) => `\`${tag}\` (${CATALOGS[tag].name})`));
}
