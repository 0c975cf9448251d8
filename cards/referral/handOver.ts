import { VERBS } from '../verbs';
import { heading, when, type CardAction, type CardElement } from '../elements';
import type { ReferralCardData } from './referralCardData';

/**
 * Changes to who works the deal and how: hand it to a new owner (its owner, managers and
 * admins), and upgrade it (invite Microsoft or a partner; for its workers, when possible).
 */
export function handOverActions(d: ReferralCardData): CardAction[] {
  const { reassign, upgrade, referralId } = d;
  return [
    ...when<CardAction>(reassign.allowed, {
      type: 'Action.ShowCard',
      title: reassign.buttonTitle,
      card: {
        type: 'AdaptiveCard',
        body: [
          heading(reassign.title),
          {
            type: 'Input.Text',
            id: 'newOwnerEmail',
            label: reassign.label,
            style: 'Email',
            maxLength: 200,
            isRequired: true,
            errorMessage: reassign.error,
          },
        ],
        actions: [{ type: 'Action.Execute', title: reassign.submit, verb: VERBS.reassign, data: { referralId } }],
      },
    }),
    ...when<CardAction>(d.dealActions && upgrade.choices.length > 0, {
      type: 'Action.ShowCard',
      title: upgrade.buttonTitle,
      card: {
        type: 'AdaptiveCard',
        body: [
          heading(upgrade.title),
          {
            type: 'Input.ChoiceSet',
            id: 'upgrade',
            label: upgrade.label,
            style: 'expanded',
            isRequired: true,
            errorMessage: upgrade.error,
            choices: upgrade.choices.map(({ title, value }) => ({ title, value })),
          },
          ...when<CardElement>(upgrade.askHelp, {
            type: 'Input.ChoiceSet',
            id: 'help',
            label: upgrade.helpLabel,
            style: 'compact',
            choices: upgrade.helpChoices.map(({ title, value }) => ({ title, value })),
          }),
          ...when<CardElement>(upgrade.askPartner, {
            type: 'Input.Text',
            id: 'partnerName',
            label: upgrade.partnerLabel,
            maxLength: 200,
          }),
        ],
        actions: [{ type: 'Action.Execute', title: upgrade.submit, verb: VERBS.upgrade, data: { referralId } }],
      },
    }),
  ];
}
