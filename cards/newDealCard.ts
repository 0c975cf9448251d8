import template from './templates/newDeal.json';
import type { Choice } from './elements';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

/** The `new deal` form, worded and with its choices. */
export interface NewDealCardData {
  /** Identifies this form: the deal it creates gets this id, so a second submit creates nothing new. */
  formId: string;
  title: string;
  intro: string;
  labels: Record<string, string>;
  countries: Choice[];
  currency: string;
  currencies: Choice[];
  minDate: string;
  solutions: Choice[];
  helpChoices: Choice[];
}

const newDealTemplate = new CardTemplate<NewDealCardData & { verb: string }>(template);

export function renderNewDealCard(data: NewDealCardData): AdaptiveCard {
  return newDealTemplate.render({ ...data, verb: VERBS.createDeal });
}
