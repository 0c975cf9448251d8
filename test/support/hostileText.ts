import type { Actor } from '../../bot/domain/referral';
import { pcReferral } from './fixtures';

/**
 * Text a customer or user could type that Teams would render if it were put on a card as
 * it is: a link, strong emphasis and emphasis, a date function, and a template expression.
 * `field` names where it was typed, so a failure says which field leaked. Under 100
 * characters, as Partner Center's shortest fields are.
 */
export function hostile(field: string): string {
  return `[${field}](https://evil.example) **b** _i_ {{DATE(2026-01-01T00:00:00Z)}} \${$root.referralId}`;
}

/** The template expressions hostile text holds: a card shows them as typed, never as what they name. */
export const TYPED_EXPRESSIONS = ['${customer.name}', '${$root.referralId}'];

/** Notes over several lines, each opening with Markdown that acts at the start of a line. */
export const HOSTILE_NOTES = `# ${hostile('notes')}\n- a list item for \${customer.name}\n1. a numbered item\n> a quote`;

/** A Partner Center code (which the card turns into words, so no template expression: it would not stay as typed). */
export const HOSTILE_CODE = '**Technical**[Help](https://evil.example){{DATE(2026-01-01T00:00:00Z)}}';

/** A Teams user whose display name is hostile text. */
export const MALLORY: Actor = { id: 'aad-mallory', name: hostile('user name'), teamsId: '29:mallory' };

/**
 * A Partner Center referral, a co-sell invitation from a partner, with hostile text in every
 * field its customer or sender fills: names, address, contact, size, notes, requirements,
 * solutions, the invitation.
 */
export function hostilePcReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const contact = {
    firstName: hostile('contact first'),
    lastName: hostile('contact last'),
    email: hostile('contact email'),
    phoneNumber: hostile('contact phone'),
  };
  return pcReferral({
    id: 'hostile-0000-4000-8000-000000000001',
    name: hostile('deal'),
    type: 'Shared',
    customerProfile: {
      name: hostile('customer'),
      size: hostile('size'),
      address: {
        addressLine1: hostile('street'),
        city: hostile('city'),
        state: hostile('state'),
        postalCode: '10115',
        country: 'DE',
      },
      team: [contact],
    },
    details: {
      notes: HOSTILE_NOTES,
      dealValue: 25000,
      currency: 'EUR',
      customerRequestedContact: true,
      requirements: {
        solutions: [{ id: 'sol-1', name: hostile('solution') }],
        additionalRequirements: hostile('requirements'),
      },
    },
    inviteContext: {
      invitedBy: { organizationName: hostile('partner') },
      notes: hostile('invitation'),
      assistanceRequestCode: HOSTILE_CODE,
    },
    ...overrides,
  });
}
