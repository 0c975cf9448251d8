import { de } from './de';
import { en, type Strings } from './en';
import { ja } from './ja';
import { ko } from './ko';
import { qpsPloc } from './pseudo';
import { ru } from './ru';
import { zhHant } from './zh-Hant';

/** A language the bot speaks: its name in that language and its sentences. */
export interface Catalog {
  name: string;
  strings: Strings;
  /** A catalog for developers and tests, never offered as a choice (the pseudo-locale). */
  hidden?: true;
}

/**
 * Every language the bot speaks, by its BCP 47 tag (the language, and the script where one
 * language is written in two), with its name in that language; and the pseudo-locale
 * `qps-ploc`, which a Teams client or DESK_LANGUAGE picks only by that exact tag.
 */
export const CATALOGS: Readonly<Record<string, Catalog>> = {
  en: { name: 'English', strings: en },
  de: { name: 'Deutsch', strings: de },
  ko: { name: '한국어', strings: ko },
  'zh-Hant': { name: '繁體中文', strings: zhHant },
  ru: { name: 'Русский', strings: ru },
  ja: { name: '日本語', strings: ja },
  'qps-ploc': { name: qpsPloc.settings.language, strings: qpsPloc, hidden: true },
};

/** The tags of the languages a user may choose: every catalog but the hidden ones. */
export const OFFERED_LANGUAGES: readonly string[] = Object.keys(CATALOGS).filter((tag) => !CATALOGS[tag].hidden);

/** The catalogs' tags by their lower case: tags match whatever their case. */
const TAGS = new Map(Object.keys(CATALOGS).map((tag) => [tag.toLowerCase(), tag]));

/**
 * The catalog a language code or locale asks for, matched by BCP 47, when the bot speaks it:
 * the tag itself (any case, `_` read as `-`); else the language in the script it is written in
 * (zh-TW, zh-HK and zh-Hant are Traditional Chinese, zh-CN and zh-Hans Simplified, which has
 * no catalog); else the language alone (de-AT → de, en-GB → en). A language written in more
 * than one script matches only by its script, so Simplified never gets Traditional. pt-BR or a
 * tag that is not one: undefined, for the caller to fall back on.
 */
export function spokenLanguage(codeOrLocale: string | undefined): string | undefined {
  const tag = codeOrLocale?.trim().replaceAll('_', '-');
  if (!tag) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
  const { language, script } = locale;
  return TAGS.get(tag.toLowerCase()) ?? TAGS.get(`${language}-${script}`.toLowerCase()) ?? bareLanguage(language);
}

/** A language's catalog by the language alone, unless the bot's catalogs tell its scripts apart. */
function bareLanguage(language: string): string | undefined {
  const byScript = [...TAGS.keys()].some((tag) => tag.startsWith(`${language}-`));
  return byScript ? undefined : TAGS.get(language);
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
