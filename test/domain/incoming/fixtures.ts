// Copies of the fixture referral as Partner Center sends them later, and the desk's own decisions on it.
import assert from 'node:assert/strict';
import { isDomainError } from '../../../bot/domain/errors';
import type { IncomingDecision } from '../../../bot/domain/incoming';
import { decide } from '../../../bot/domain/lifecycle';
import type { Actor, Referral, ReferralRecord } from '../../../bot/domain/referral';
import { NOW, receivedRecord } from '../../support/fixtures';

export const ALICE: Actor = { id: '29:alice', name: 'Alice Adams' };
/** Two hours after the fixture clock: when the later copies arrive. */
export const LATER = NOW.plus({ hours: 2 });

/** A later copy of the fixture referral from Partner Center. */
export function newerCopy(overrides: Partial<Referral> = {}): Referral {
  return { ...receivedRecord().referral, updatedDateTime: '2026-11-23T10:00:00.000Z', ...overrides };
}

/** The fixture referral accepted by Alice. */
export function accepted(): ReferralRecord {
  const result = decide(
    receivedRecord(),
    {
      action: 'accept',
      input: {
        dealName: 'Contoso migration',
        dealValue: 40000,
        currency: 'EUR',
        closingDate: '2027-01-31',
        notes: 'Call Anna first',
        crmId: 'CRM-1',
      },
    },
    ALICE,
    NOW,
  );
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result.record;
}

/** The fixture referral declined, or accepted and won, by Alice half an hour in. */
export function closed(action: 'decline' | 'win'): ReferralRecord {
  const base = action === 'decline' ? receivedRecord() : accepted();
  const result =
    action === 'decline'
      ? decide(
          base,
          { action: 'decline', input: { reason: 'notACustomer', notes: 'A student project' } },
          ALICE,
          NOW.plus({ minutes: 30 }),
        )
      : decide(base, { action: 'win', input: {} }, ALICE, NOW.plus({ minutes: 30 }));
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result.record;
}

/** The decision, failing the test when the copy was ignored. */
export function applied(result: IncomingDecision | null): IncomingDecision {
  assert.ok(result, 'expected the newer copy to be applied');
  return result;
}
