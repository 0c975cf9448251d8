import template from './templates/welcome.json';
import { CardTemplate, type AdaptiveCard } from './render';

export interface WelcomeCardData {
  title: string;
  intro: string;
  howToLink: string;
  example: string;
  regions: string;
  more: string;
}

const welcomeTemplate = new CardTemplate<WelcomeCardData>(template);

/** Posted once when the app is added to a team: how to link channels to regions. */
export function renderWelcomeCard(data: WelcomeCardData): AdaptiveCard {
  return welcomeTemplate.render(data);
}
