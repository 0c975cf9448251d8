import type { AdaptiveCard } from '../render';
import { VERBS } from '../verbs';
import type { NewDealCardData } from './newDealCardData';
import {
  contactSection,
  customerSection,
  dealSection,
  memberSection,
  microsoftSection,
  solutionsSection,
} from './sections';

/** The form in its order: customer, its contact, the deal, a team member, solutions, Microsoft's part. */
export function renderNewDealCard(d: NewDealCardData): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: d.title, weight: 'Bolder', size: 'Large', wrap: true },
      { type: 'TextBlock', text: d.intro, isSubtle: true, wrap: true, spacing: 'None' },
      ...customerSection(d),
      ...contactSection(d.labels),
      ...dealSection(d),
      ...memberSection(d),
      ...solutionsSection(d),
      ...microsoftSection(d),
    ],
    actions: [
      {
        type: 'Action.Execute',
        title: d.labels.submit,
        style: 'positive',
        verb: VERBS.createDeal,
        data: { formId: d.formId },
      },
    ],
  };
}
