import template from './templates/personalWelcome.json';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

/** A command on the welcome card: what it does, and the button that runs it. */
export interface WelcomeCommand {
  /** What to type, e.g. "my deals". */
  command: string;
  description: string;
  buttonTitle: string;
}

export interface PersonalWelcomeCardData {
  title: string;
  intro: string;
  howTo: string;
  commands: WelcomeCommand[];
  /** `find`, with a box for what to look for. */
  find: WelcomeCommand & { placeholder: string };
}

const welcomeTemplate = new CardTemplate<PersonalWelcomeCardData & { runVerb: string; findInput: string }>(template);

/** The id of the welcome card's search box: its text reaches the `find` button's handler. */
export const FIND_INPUT_ID = 'findText';

/** Sent once to each user in their personal chat: what the bot does, and a button per command. */
export function renderPersonalWelcomeCard(data: PersonalWelcomeCardData): AdaptiveCard {
  return welcomeTemplate.render({ ...data, runVerb: VERBS.runCommand, findInput: FIND_INPUT_ID });
}
