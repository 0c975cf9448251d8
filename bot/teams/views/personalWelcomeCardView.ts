import type { AdaptiveCard } from '../../../cards/render';
import { renderPersonalWelcomeCard } from '../../../cards/personalWelcomeCard';
import type { Strings } from '../../strings/en';

/** The commands the welcome card has a button for, as typed; `find` also takes the card's search box. */
export const WELCOME_COMMANDS = ['my deals', 'expiring', 'favorites', 'find', 'new deal', 'settings', 'help'] as const;

/** One of the commands the welcome card runs. */
export type WelcomeCommandText = (typeof WELCOME_COMMANDS)[number];

/** The welcome card of a personal chat, in the user's language. */
export function personalWelcomeCard(strings: Strings): AdaptiveCard {
  const p = strings.personalChat;
  const entry = (command: WelcomeCommandText, key: keyof typeof p.about) => ({
    command,
    description: p.about[key],
    buttonTitle: p.button[key],
  });
  return renderPersonalWelcomeCard({
    title: p.welcomeTitle,
    intro: p.welcomeIntro,
    howTo: p.welcomeHowTo,
    commands: [
      entry('my deals', 'myDeals'),
      entry('expiring', 'expiring'),
      entry('favorites', 'favorites'),
      entry('new deal', 'newDeal'),
      entry('settings', 'settings'),
      entry('help', 'help'),
    ],
    find: { ...entry('find', 'find'), placeholder: p.findPlaceholder },
  });
}
