import { de } from './de';
import { en, type Strings } from './en';

/** Every language the bot speaks, by its ISO 639-1 code, with its name in that language. */
export const CATALOGS: Readonly<Record<string, { name: string; strings: Strings }>> = {
  en: { name: 'English', strings: en },
  de: { name: 'Deutsch', strings: de },
};

/** The language of a language code or a locale ("de-DE" → "de") when the bot speaks it. */
export function spokenLanguage(codeOrLocale: string | undefined): string | undefined {
  const code = codeOrLocale?.trim().toLowerCase().split(/[-_]/)[0];
  return code && Object.prototype.hasOwnProperty.call(CATALOGS, code) ? code : undefined;
}

/**
 * The language to speak with a user: the one they chose, else their Teams client's when the
 * bot speaks it, else the desk's.
 */
export function languageOf(
  user: { language?: string; locale?: string } | null | undefined,
  deskLanguage: string,
): string {
  return spokenLanguage(user?.language) ?? spokenLanguage(user?.locale) ?? deskLanguage;
}
