import type { Services } from './services';
import { CATALOGS, languageOf } from './strings/catalogs';

/**
 * The services as one user meets them: every sentence in their language (the one they
 * chose, else their Teams client's when the bot speaks it, else the desk's). Channel cards,
 * which many read, stay in the desk's language.
 */
export async function servicesFor(services: Services, userId: string): Promise<Services> {
  const { strings } = CATALOGS[languageOf(await services.users.find(userId), services.language)];
  return strings === services.strings ? services : { ...services, strings };
}
