import assert from 'node:assert/strict';
import { applyIncoming } from '../../../bot/domain/incoming';
import { sharedFieldsOf, withSharedFields } from '../../../bot/domain/partnerCenterCopy';
import type { Referral, ReferralRecord } from '../../../bot/domain/referral';
import { nextWriteBack, syncStatusOf } from '../../../bot/domain/writeBackPlan';
import { NOW } from '../../support/fixtures';
import { ACCEPT, arrived, baseOf, decided, fieldsOf, portal } from './fixtures';

describe('writing back to Partner Center', () => {
  describe('applyIncoming with a copy', () => {
    it('ignores a copy no newer than the one the desk has, though the desk changed the referral since', () => {
      const accepted = decided(arrived(), ACCEPT);
      assert.equal(applyIncoming(accepted, portal(arrived(), {}, '2026-11-23T08:00:00.000Z'), NOW), null);
    });

    it('takes the echo of its own write as the new copy, with no history event, and is then in step', () => {
      const accepted = decided(arrived(), ACCEPT);
      const echo = portal(accepted, {});
      const result = applyIncoming(accepted, echo, NOW.plus({ hours: 1 }), 'v2');
      assert.ok(result);
      assert.equal(result.event, null);
      assert.equal(result.record.desk.partnerCenter!.copy.eTag, 'v2');
      assert.equal(result.record.desk.revision, accepted.desk.revision + 1);
      assert.equal(syncStatusOf(result.record.desk.partnerCenter!, fieldsOf(result.record)), 'synced');
    });

    it('keeps the accept still to be written when Partner Center changed the value, and says so', () => {
      const accepted = decided(arrived(), ACCEPT);
      const changedThere = portal(arrived(), { details: { ...arrived().referral.details, dealValue: 55000 } });
      const result = applyIncoming(accepted, changedThere, NOW.plus({ hours: 1 }), 'v2');
      assert.ok(result);
      const { referral, desk } = result.record;
      assert.equal(`${referral.status}/${referral.substatus}`, 'Active/Accepted');
      assert.equal(referral.acceptedDateTime, accepted.referral.acceptedDateTime);
      assert.equal(referral.details.dealValue, 55000);
      assert.deepEqual(desk.partnerCenter!.conflicts, [{ field: 'dealValue', ours: 40000, theirs: 55000 }]);
      assert.equal(syncStatusOf(desk.partnerCenter!, fieldsOf(result.record)), 'conflict');
      assert.ok(result.event?.changes.some((c) => c.field === 'dealValue'));
    });

    it('shows a referral declined in the portal as declined', () => {
      const record = arrived();
      const declined = portal(record, {
        status: 'Closed',
        substatus: 'Declined',
        statusReason: 'Other',
        closedDateTime: '2026-11-23T12:00:00.000Z',
      });
      const result = applyIncoming(record, declined, NOW.plus({ hours: 3 }), 'v2');
      assert.equal(result && `${result.record.referral.status}/${result.record.referral.substatus}`, 'Closed/Declined');
      assert.equal(result?.record.desk.partnerCenter?.conflicts, undefined);
    });

    it("Partner Center's answer to the accept of an accept-then-won keeps the won, to be written next", () => {
      const won = decided(decided(arrived(), ACCEPT), { action: 'win', input: {} }, 20);
      const step = nextWriteBack(fieldsOf(won), baseOf(won));
      assert.equal(step.kind, 'patch');
      const answer = portal(won, { status: 'Active', substatus: 'Accepted', closedDateTime: undefined });
      const result = applyIncoming(won, answer, NOW.plus({ hours: 1 }), 'v2', {
        written: step.kind === 'patch' ? step.fields : [],
      });
      assert.ok(result);
      assert.equal(`${result.record.referral.status}/${result.record.referral.substatus}`, 'Closed/Won');
      assert.equal(result.record.desk.partnerCenter!.conflicts, undefined);
      assert.deepEqual(nextWriteBack(fieldsOf(result.record), baseOf(result.record)).kind, 'patch');
    });

    it('the same answer read after a crash (a 412, not as an answer) is no conflict either', () => {
      const won = decided(decided(arrived(), ACCEPT), { action: 'win', input: {} }, 20);
      const accepted = portal(won, { status: 'Active', substatus: 'Accepted', closedDateTime: undefined });
      const result = applyIncoming(won, accepted, NOW.plus({ hours: 1 }), 'v2');
      assert.ok(result);
      assert.equal(result.record.referral.substatus, 'Won');
      assert.equal(result.record.desk.partnerCenter!.conflicts, undefined);
    });

    it('keeps an edit the desk made while its patch was on the way, to be written next', () => {
      const accepted = decided(arrived(), ACCEPT);
      const step = nextWriteBack(fieldsOf(accepted), baseOf(accepted));
      const answer = portal(accepted, {});
      const edited: ReferralRecord = {
        ...accepted,
        referral: { ...accepted.referral, details: { ...accepted.referral.details, dealValue: 50000 } },
      };
      const result = applyIncoming(edited, answer, NOW.plus({ hours: 1 }), 'v2', {
        written: step.kind === 'patch' ? step.fields : [],
      });
      assert.ok(result);
      assert.equal(result.record.referral.details.dealValue, 50000);
      assert.equal(result.record.desk.partnerCenter!.conflicts, undefined);
      assert.equal(syncStatusOf(result.record.desk.partnerCenter!, fieldsOf(result.record)), 'pending');
    });

    it('takes a copy of the same time with another eTag (two changes within a moment, or the first eTag), not the same one again', () => {
      const record = arrived();
      const sameTime = portal(
        record,
        { details: { ...record.referral.details, dealValue: 1 } },
        record.referral.updatedDateTime,
      );
      assert.equal(applyIncoming(record, sameTime, NOW, 'v1'), null);
      assert.equal(applyIncoming(record, sameTime, NOW, 'v2')?.record.referral.details.dealValue, 1);
      assert.equal(applyIncoming(record, sameTime, NOW), null, 'no eTag: no newer version');
    });

    it('an answer to the desk own write older than the copy the desk has is not taken', () => {
      const record = arrived();
      const older = portal(record, {}, '2026-11-23T07:00:00.000Z');
      assert.equal(applyIncoming(record, older, NOW, 'v0', { written: ['lifecycle'] }), null);
    });

    it('round-trips the shared fields', () => {
      const referral = decided(arrived(), ACCEPT).referral;
      const asStored = (value: Referral) => JSON.parse(JSON.stringify(value)) as Referral;
      assert.deepEqual(withSharedFields(referral, sharedFieldsOf(referral)), asStored(referral));
    });
  });
});
