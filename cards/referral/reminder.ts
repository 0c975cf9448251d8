import { VERBS } from '../verbs';
import { valueOf, when, type CardElement } from '../elements';
import type { ReferralCardData } from './referralCardData';

/** On a reminder: Snooze, and for a deal gone stale, a form that moves its close date. */
export function reminderSection(d: ReferralCardData): CardElement[] {
  const { reminder, referralId } = d;
  const move = reminder.moveCloseDate;
  return when<CardElement>(reminder.show, {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      ...when<CardElement>(move.show, {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.ShowCard',
            title: move.buttonTitle,
            card: {
              type: 'AdaptiveCard',
              body: [
                {
                  type: 'Input.Date',
                  id: 'newClosingDate',
                  label: move.label,
                  ...valueOf(move.value),
                  min: move.minDate,
                  isRequired: true,
                  errorMessage: move.error,
                },
              ],
              actions: [
                {
                  type: 'Action.Execute',
                  title: move.submit,
                  style: 'positive',
                  verb: VERBS.moveCloseDate,
                  data: { referralId },
                },
              ],
            },
          },
        ],
      }),
      { type: 'TextBlock', text: reminder.snoozeLabel, isSubtle: true, size: 'Small', wrap: true },
      {
        type: 'ActionSet',
        spacing: 'Small',
        actions: reminder.snoozeChoices.map(({ title, value }) => ({
          type: 'Action.Execute',
          title,
          verb: VERBS.snooze,
          associatedInputs: 'none',
          data: { referralId, snooze: value },
        })),
      },
    ],
  });
}
