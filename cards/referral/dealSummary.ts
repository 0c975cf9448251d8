import { when, type CardElement } from '../elements';
import { customerSection } from './customer';
import type { ReferralCardData } from './referralCardData';

/**
 * Below the facts: the sales stage as a labelled bar, the deal's team, its deal-registration
 * eligibility, the team's notes, then the customer (what they need), the response target and
 * why Won is not offered yet. Each is left out when it has nothing to show.
 */
export function dealSummarySection(d: ReferralCardData): CardElement[] {
  const hasTeam = d.team.members.length > 0;
  const subtle = { isSubtle: true, size: 'Small', wrap: true } as const;
  return [
    ...when<CardElement>(
      d.progress.show,
      { type: 'TextBlock', text: d.progress.label, wrap: true, spacing: 'Medium' },
      {
        type: 'ColumnSet',
        spacing: 'Small',
        columns: [
          { type: 'Column', width: d.progress.percent, style: 'good', minHeight: '8px', items: [] },
          { type: 'Column', width: d.progress.rest, style: 'emphasis', minHeight: '8px', items: [] },
        ],
      },
    ),
    ...when<CardElement>(
      hasTeam,
      { type: 'TextBlock', text: d.team.title, weight: 'Bolder', spacing: 'Medium', wrap: true },
      {
        type: 'Container',
        spacing: 'Small',
        items: d.team.members.map(({ text }) => ({ type: 'TextBlock', text, wrap: true, spacing: 'None' })),
      },
    ),
    ...when<CardElement>(d.registration !== '', {
      type: 'TextBlock',
      text: d.registration,
      wrap: true,
      spacing: 'Medium',
    }),
    ...when<CardElement>(
      d.deskNotes.text !== '',
      { type: 'TextBlock', text: d.deskNotes.label, weight: 'Bolder', spacing: 'Medium', wrap: true },
      { type: 'TextBlock', text: d.deskNotes.text, wrap: true, spacing: 'Small' },
    ),
    ...customerSection(d),
    ...when<CardElement>(d.responseTarget !== '', {
      type: 'TextBlock',
      text: d.responseTarget,
      ...subtle,
      spacing: 'Medium',
    }),
    ...when<CardElement>(d.winHint !== '', { type: 'TextBlock', text: d.winHint, ...subtle, spacing: 'Small' }),
  ];
}
