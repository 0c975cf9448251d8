import assert from 'node:assert/strict';
import { decide } from '../../../bot/domain/lifecycle';
import { CLOSE_REASONS, type CloseReason } from '../../../bot/domain/reasons';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ALICE, BOB, COMMANDS, expectDecision } from './fixtures';

describe('lifecycle: decide', () => {
  describe('decline and lose', () => {
    it('stores the documented reason label followed by the notes in statusReason', () => {
      const { record: next, event } = expectDecision(decide(receivedRecord(), COMMANDS.decline, ALICE, NOW));
      assert.equal(next.referral.statusReason, 'Customer chose another vendor: Went with a local reseller');
      assert.deepEqual(
        event.changes.find((c) => c.field === 'statusReason'),
        {
          field: 'statusReason',
          before: undefined,
          after: 'Customer chose another vendor: Went with a local reseller',
        },
      );
    });

    it('stores only the label when there are no notes', () => {
      const { record: next } = expectDecision(
        decide(receivedRecord(), { action: 'decline', input: { reason: 'notACustomer' } }, ALICE, NOW),
      );
      assert.equal(next.referral.statusReason, 'Not a customer');
    });

    it('stores only the label when the notes are empty', () => {
      const { record: next } = expectDecision(
        decide(receivedRecord(), { action: 'decline', input: { reason: 'other', notes: '' } }, ALICE, NOW),
      );
      assert.equal(next.referral.statusReason, 'Other');
    });

    const labels: Record<CloseReason, string> = {
      budgetNotAdequate: 'Project budget not adequate',
      customerDidNotRespond: 'Customer did not respond',
      customerChoseAnotherVendor: 'Customer chose another vendor',
      requirementNotMet: 'Customer requirement not met',
      notACustomer: 'Not a customer',
      timelineTooShort: 'Proposed timeline too short',
      abuse: 'Report as abuse, spam or phishing',
      other: 'Other',
    };

    it('offers exactly the eight documented reasons', () => {
      assert.deepEqual({ ...CLOSE_REASONS }, labels);
    });

    for (const [reason, label] of Object.entries(labels) as [CloseReason, string][]) {
      it(`declines with reason ${reason} as "${label}"`, () => {
        const { record: next } = expectDecision(
          decide(receivedRecord(), { action: 'decline', input: { reason, notes: 'n' } }, ALICE, NOW),
        );
        assert.equal(next.referral.statusReason, `${label}: n`);
        assert.equal(next.referral.substatus, 'Declined');
      });
    }

    it('loses an accepted referral with the reason label and notes', () => {
      const accepted = expectDecision(decide(receivedRecord(), COMMANDS.accept, BOB, NOW)).record;
      const later = NOW.plus({ days: 3 });
      const { record: next } = expectDecision(
        decide(
          accepted,
          { action: 'lose', input: { reason: 'timelineTooShort', notes: 'Needed it live in a week' } },
          BOB,
          later,
        ),
      );
      assert.equal(next.referral.substatus, 'Lost');
      assert.equal(next.referral.statusReason, 'Proposed timeline too short: Needed it live in a week');
      assert.equal(next.referral.closedDateTime, later.toISO());
      assert.deepEqual(next.desk.owner, BOB, 'losing keeps the owner who accepted');
      assert.deepEqual(next.desk.lastDecision, { action: 'lose', by: BOB, at: later.toISO() });
    });
  });
});
