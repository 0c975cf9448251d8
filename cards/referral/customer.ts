import { when, type CardElement, type TextBlock } from '../elements';
import type { ReferralCardData } from './referralCardData';

/** The lines of the customer's needs shown before "Show more". */
export const NEEDS_LINES = 8;

/** Element ids of the parts shown and hidden in place (unique within the card). */
const IDS = {
  customer: 'customerDetails',
  needsShort: 'needsShort',
  needsFull: 'needsFull',
  more: 'needsMore',
  less: 'needsLess',
} as const;

/**
 * What the customer asked for, as they wrote it, under its label: the first lines, and when
 * there is more, "Show more" for the rest (and "Show less" back) in place.
 */
export function needsBlock({ needs }: ReferralCardData): CardElement[] {
  if (needs.text === '') return [];
  const label: TextBlock = { type: 'TextBlock', text: needs.label, weight: 'Bolder', spacing: 'Medium', wrap: true };
  const text = (extra: Partial<TextBlock>): TextBlock => ({
    type: 'TextBlock',
    text: needs.text,
    wrap: true,
    spacing: 'Small',
    ...extra,
  });
  if (!needs.long) return [label, text({})];
  const targets = [IDS.needsShort, IDS.needsFull, IDS.more, IDS.less];
  const toggle = (id: string, title: string, hidden: boolean): CardElement => ({
    type: 'ActionSet',
    id,
    ...(hidden ? { isVisible: false } : {}),
    spacing: 'None',
    actions: [{ type: 'Action.ToggleVisibility', title, targetElements: targets }],
  });
  return [
    label,
    text({ id: IDS.needsShort, maxLines: NEEDS_LINES }),
    text({ id: IDS.needsFull, isVisible: false }),
    toggle(IDS.more, needs.more, false),
    toggle(IDS.less, needs.less, true),
  ];
}

/** Whom to contact at the customer, under its label, a line each; nothing when there is no one. */
export function contactBlock({ customer }: ReferralCardData): CardElement[] {
  const { contact } = customer;
  if (!contact || contact.lines.length === 0) return [];
  return [
    {
      type: 'Container',
      spacing: 'Small',
      items: [
        { type: 'TextBlock', text: contact.label, weight: 'Bolder', wrap: true },
        ...contact.lines.map((line): TextBlock => ({ type: 'TextBlock', text: line, wrap: true, spacing: 'None' })),
      ],
    },
  ];
}

/**
 * The customer once the referral is decided: their facts and needs collapsed under a button
 * titled "Customer"; while undecided, their needs in the open (their facts lead the card's).
 */
export function customerSection(d: ReferralCardData): CardElement[] {
  if (!d.customer.collapsed) return needsBlock(d);
  return [
    {
      type: 'ActionSet',
      spacing: 'Medium',
      actions: [{ type: 'Action.ToggleVisibility', title: d.customer.title, targetElements: [IDS.customer] }],
    },
    {
      type: 'Container',
      id: IDS.customer,
      isVisible: false,
      spacing: 'Small',
      items: [
        ...when<CardElement>(d.customer.facts.length > 0, {
          type: 'FactSet',
          facts: d.customer.facts.map(({ title, value }) => ({ title, value })),
        }),
        ...contactBlock(d),
        ...needsBlock(d),
      ],
    },
  ];
}
