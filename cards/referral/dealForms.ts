import { VERBS } from '../verbs';
import { heading, valueOf, when, type CardAction, type CardElement } from '../elements';
import { dealNameInput, dealValueInputs, reasonFormAction, referenceInputs } from './dealInputs';
import type { ReferralCardData } from './referralCardData';

/**
 * The outcome of an accepted deal: Won (unless stages are left to complete; its value labelled
 * with the deal's currency) and Lost. Only in the card of someone working it.
 */
export function outcomeActions(d: ReferralCardData): CardAction[] {
  const { win, referralId } = d;
  return [
    ...when<CardAction>(d.dealActions && win.allowed, {
      type: 'Action.ShowCard',
      title: win.buttonTitle,
      card: {
        type: 'AdaptiveCard',
        body: [
          heading(win.title),
          {
            type: 'Input.Number',
            id: 'finalValue',
            label: win.valueLabel,
            ...valueOf(win.value),
            min: 0,
            isRequired: true,
            errorMessage: win.valueError,
          },
          { type: 'Input.Text', id: 'winNotes', label: win.notesLabel, isMultiline: true, maxLength: 2000 },
        ],
        actions: [
          { type: 'Action.Execute', title: win.submit, style: 'positive', verb: VERBS.win, data: { referralId } },
        ],
      },
    }),
    ...when<CardAction>(
      d.dealActions,
      reasonFormAction(d.lose, { reason: 'lossReason', notes: 'lossNotes' }, VERBS.lose, referralId),
    ),
  ];
}

/** Edit deal: its details, sales stage and the team's notes. Only in the card of someone working it. */
export function editDealAction(d: ReferralCardData): CardAction[] {
  const { edit, accept, referralId } = d;
  return when<CardAction>(d.dealActions, {
    type: 'Action.ShowCard',
    title: edit.buttonTitle,
    card: {
      type: 'AdaptiveCard',
      body: [
        heading(edit.title),
        dealNameInput(accept),
        dealValueInputs(accept),
        {
          type: 'Input.Date',
          id: 'closingDate',
          label: accept.closingDateLabel,
          ...valueOf(edit.closingDate),
          isRequired: true,
          errorMessage: accept.closingDateError,
        },
        salesStageInput(d),
        {
          type: 'Input.Text',
          id: 'notes',
          label: edit.notesLabel,
          value: edit.notes,
          isMultiline: true,
          maxLength: 2000,
        },
        ...referenceInputs(accept),
      ],
      actions: [
        {
          type: 'Action.Execute',
          title: edit.submit,
          style: 'positive',
          verb: VERBS.edit,
          data: { referralId, base: edit.base },
        },
      ],
    },
  });
}

/** The sales stage of the Edit deal form, starting at `edit.salesStage`. */
function salesStageInput({ edit }: ReferralCardData): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id: 'salesStage',
    label: edit.salesStageLabel,
    value: edit.salesStage,
    style: 'compact',
    choices: edit.salesStages.map(({ title, value }) => ({ title, value })),
  };
}
