import type { Command } from './command';
import { expiring } from './expiring';
import { digest } from './digest';
import { favorites } from './favorites';
import { find } from './find';
import { help } from './help';
import { link } from './link';
import { links } from './links';
import { myDeals } from './myDeals';
import { managers } from './managers';
import { newDeal } from './newDeal';
import { settings } from './settings';
import { unlink } from './unlink';

/** Every text command, by the word that starts it. */
export const COMMANDS: Record<string, Command> = {
  link,
  unlink,
  links,
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
