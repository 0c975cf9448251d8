import type { ChannelLanguageRepository, UserRepository } from './store';
import { CATALOGS, languageOf, spokenLanguage } from './strings/catalogs';
import type { Strings } from './strings/en';

/** What finding a user's language reads: their profile, and the desk's language and sentences. */
export interface LanguageServices {
  users: Pick<UserRepository, 'find'>;
  /** The desk's language (DESK_LANGUAGE). */
  language: string;
  strings: Strings;
}

/** What finding a channel's language reads: the channels' own languages, and the desk's sentences. */
export interface ChannelLanguageServices {
  channelLanguages: Pick<ChannelLanguageRepository, 'of'>;
  strings: Strings;
}

/**
 * The services as one user meets them: every sentence in their language (the one they
 * chose, else their Teams client's when the bot speaks it, else the desk's). `reportedLocale`
 * is the locale an activity of theirs brings now, ahead of the one last learned. The caller
 * gets back the services it passed, whatever part of them that is, with only `strings` changed.
 */
export async function servicesFor<S extends LanguageServices>(
  services: S,
  userId: string,
  reportedLocale?: string,
): Promise<S> {
  const user = await services.users.find(userId);
  return speaking(
    services,
    languageOf({ language: user?.language, locale: reportedLocale ?? user?.locale }, services.language),
  );
}

/**
 * The services as a channel's readers meet them: in the language the channel chose
 * (`language`), else as `otherwise` gives them, the desk's by default. Channel cards,
 * replies and reminders there, read by many, are in it.
 */
export async function servicesInChannel<S extends ChannelLanguageServices>(
  services: S,
  channelId: string,
  otherwise: () => Promise<S> = () => Promise.resolve(services),
): Promise<S> {
  const language = spokenLanguage(await services.channelLanguages.of(channelId));
  return language ? speaking(services, language) : otherwise();
}

/** The services with every sentence in `language`, a tag of CATALOGS. */
function speaking<S extends { strings: Strings }>(services: S, language: string): S {
  const { strings } = CATALOGS[language];
  return strings === services.strings ? services : { ...services, strings };
}
