import type { Services } from '../../services';
import type { SettingsCardServices } from '../views/settingsCardView';
import type { Command } from './command';
import { expiring, type ExpiringCommandServices } from './expiring';
import { digest, type DigestCommandServices } from './digest';
import { favorites, type FavoritesCommandServices } from './favorites';
import { find, type FindCommandServices } from './find';
import { help } from './help';
import { language, type LanguageCommandServices } from './language';
import { link, type LinkCommandServices } from './link';
import { links } from './links';
import { myDeals, type MyDealsCommandServices } from './myDeals';
import { managers, type ManagersCommandServices } from './managers';
import { newDeal } from './newDeal';
import { settings } from './settings';
import { unlink, type UnlinkCommandServices } from './unlink';

/**
 * What the commands use, together: each names its own part, and a command needing more than
 * this list does not compile in COMMANDS below. The bot hands every command all of it.
 */
export type CommandServices = ExpiringCommandServices &
  DigestCommandServices &
  FavoritesCommandServices &
  FindCommandServices &
  LinkCommandServices &
  LanguageCommandServices &
  MyDealsCommandServices &
  ManagersCommandServices &
  SettingsCardServices &
  UnlinkCommandServices &
  Pick<Services, 'strings' | 'regions' | 'links' | 'solutions' | 'clock'>;

/** Every text command, by the word that starts it. */
export const COMMANDS: Record<string, Command<CommandServices>> = {
  link,
  unlink,
  links,
  language,
  favorites,
  favourites: favorites,
  new: newDeal,
  settings,
  managers,
  digest,
  help,
  my: myDeals,
  expiring,
  find,
};

/** Splits "link emea de" into the command name and its arguments. */
export function parseCommandText(text: string): { name: string; args: string[] } {
  const words = text
    .replace(/&nbsp;/g, ' ')
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
  return { name: (words[0] ?? '').toLowerCase(), args: words.slice(1) };
}
