import { VERBS } from '../verbs';
import { heading, valueOf, when, type CardAction } from '../elements';
import { dealNameInput, dealValueInputs, reasonFormAction, referenceInputs } from './dealInputs';
import type { ReferralCardData } from './referralCardData';

/**
 * The answers to a referral still open: Interested and No thanks (the two-step flow's first
 * answer), then Accept (a form with what the deal needs) and Decline (with a reason).
 */
export function decisionActions(d: ReferralCardData): CardAction[] {
  const { accept, interest, referralId } = d;
  return [
    ...when<CardAction>(
      interest.show,
      {
        type: 'Action.Execute',
        title: interest.interested,
        style: 'positive',
        verb: VERBS.interested,
        associatedInputs: 'none',
        data: { referralId },
      },
      {
        type: 'Action.Execute',
        title: interest.noThanks,
        verb: VERBS.noThanks,
        associatedInputs: 'none',
        data: { referralId },
      },
    ),
    ...when<CardAction>(
      d.actionable,
      {
        type: 'Action.ShowCard',
        title: accept.buttonTitle,
        card: {
          type: 'AdaptiveCard',
          body: [
            heading(accept.title),
            dealNameInput(accept),
            dealValueInputs(accept),
            {
              type: 'Input.Date',
              id: 'closingDate',
              label: accept.closingDateLabel,
              ...valueOf(accept.closingDate),
              min: accept.minDate,
              isRequired: true,
              errorMessage: accept.closingDateError,
            },
            {
              type: 'Input.Text',
              id: 'notes',
              label: accept.notesLabel,
              value: accept.notes,
              isMultiline: true,
              maxLength: 2000,
              isRequired: true,
              errorMessage: accept.notesError,
            },
            ...referenceInputs(accept),
          ],
          actions: [
            {
              type: 'Action.Execute',
              title: accept.submit,
              style: 'positive',
              verb: VERBS.accept,
              data: { referralId },
            },
          ],
        },
      },
      reasonFormAction(d.decline, { reason: 'reason', notes: 'declineNotes' }, VERBS.decline, referralId),
    ),
  ];
}
