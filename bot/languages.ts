import type { Services } from './services';
import { CATALOGS, languageOf } from './strings/catalogs';

/** What finding a user's language reads: their profile, and the desk's language and sentences. */
export type LanguageServices = Pick<Services, 'users' | 'language' | 'strings'>;

/**
 * The services as one user meets them: every sentence in their language (the one they
 * chose, else their Teams client's when the bot speaks it, else the desk's). `reportedLocale`
 * is the locale an activity of theirs brings now, ahead of the one last learned. Channel
 * cards, which many read, stay in the desk's language. The caller gets back the services it passed,
 * whatever part of them that is, with only `strings` changed.
 */
export async function servicesFor<S extends LanguageServices>(
  services: S,
  userId: string,
  reportedLocale?: string,
): Promise<S> {
  const user = await services.users.find(userId);
  const { strings } =
    CATALOGS[languageOf({ language: user?.language, locale: reportedLocale ?? user?.locale }, services.language)];
  return strings === services.strings ? services : { ...services, strings };
}
