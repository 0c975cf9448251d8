import { VERBS } from '../verbs';
import { heading, valueOf, when, type CardAction } from '../elements';
import { dealNameInput, dealValueInputs, reasonFormAction, referenceInputs } from './dealInputs';
import type { ReferralCardData } from './referralCardData';

/**
 * What someone working an accepted deal may do with it: Won (unless stages are left to
 * complete), Lost, and edit the deal. Only in the card of someone working it.
 */
export function dealForms(d: ReferralCardData): CardAction[] {
  const { win, edit, accept, referralId } = d;
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
      {
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
            {
              type: 'Input.ChoiceSet',
              id: 'salesStage',
              label: edit.salesStageLabel,
              value: edit.salesStage,
              style: 'compact',
              choices: edit.salesStages.map(({ title, value }) => ({ title, value })),
            },
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
      },
    ),
  ];
}
