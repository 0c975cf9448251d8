import { when, type CardElement } from '../elements';
import { contactBlock } from './customer';
import type { ReferralCardData } from './referralCardData';

/**
 * The top of the card: a notice (why an action did not apply), the stage, the deal and
 * customer, the contact request, how the referral stands and its facts (the customer's
 * first, and whom to contact after, while they are not collapsed).
 */
export function headerSection(d: ReferralCardData): CardElement[] {
  return [
    ...when<CardElement>(d.notice !== '', {
      type: 'Container',
      style: 'warning',
      items: [{ type: 'TextBlock', text: d.notice, wrap: true, weight: 'Bolder' }],
    }),
    {
      type: 'Container',
      style: d.headerStyle,
      bleed: true,
      items: [
        { type: 'TextBlock', text: d.stageLabel, weight: 'Bolder', size: 'Small', wrap: true },
        { type: 'TextBlock', text: d.title, weight: 'Bolder', size: 'Large', wrap: true, spacing: 'Small' },
        { type: 'TextBlock', text: d.subtitle, isSubtle: true, wrap: true, spacing: 'None' },
      ],
    },
    ...when<CardElement>(d.contactFlag !== '', {
      type: 'TextBlock',
      text: d.contactFlag,
      color: d.contactFlagColor,
      weight: 'Bolder',
      wrap: true,
    }),
    { type: 'TextBlock', text: d.status, color: d.statusColor, wrap: true, spacing: 'Small' },
    {
      type: 'FactSet',
      facts: [...(d.customer.collapsed ? [] : d.customer.facts), ...d.facts].map(({ title, value }) => ({
        title,
        value,
      })),
    },
    ...(d.customer.collapsed ? [] : contactBlock(d)),
  ];
}
