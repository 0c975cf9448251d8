import assert from 'node:assert/strict';
import { decide } from '../../../bot/domain/lifecycle';
import { progressOf } from '../../../bot/domain/salesStage';
import { NOW } from '../../support/fixtures';
import { OWNER, accepted, edit, ok, problems } from './fixtures';

describe('deal changes on an accepted deal', () => {
  describe('edit', () => {
    it('changes nothing when the form is sent again as it is (a retried click)', () => {
      const { record: edited } = ok(decide(accepted(), edit(), OWNER, NOW));
      assert.deepEqual(decide(edited, edit(), OWNER, NOW.plus({ seconds: 5 })), { kind: 'noChange', action: 'edit' });
    });

    it('changes the deal details and records each field before → after, never the region', () => {
      const record = accepted({ campaignId: 'CMP-1' });
      const { record: next, event } = ok(decide(record, edit(), OWNER, NOW));
      assert.equal(next.referral.name, 'Contoso landing zone');
      assert.equal(next.referral.details.dealValue, 70000);
      assert.equal(next.referral.details.currency, 'GBP');
      assert.equal(next.referral.details.closingDateTime, '2027-04-30T00:00:00.000Z');
      assert.equal(next.referral.externalReferenceId, 'CRM-77');
      assert.equal(next.referral.campaignId, undefined, 'an emptied field is cleared');
      assert.equal(next.referral.salesStage, 'Developed');
      assert.equal(next.desk.notes, 'Scope grew to two subscriptions.');
      assert.equal(next.referral.details.notes, record.referral.details.notes, "the customer's request stays");
      assert.deepEqual(next.referral.customerProfile, record.referral.customerProfile);
      assert.deepEqual(next.desk.lastDecision, record.desk.lastDecision, 'an edit is not a decision');
      assert.deepEqual(
        event.changes.map((c) => [c.field, c.before, c.after]),
        [
          ['name', 'Contoso cloud migration', 'Contoso landing zone'],
          ['dealValue', '25000', '70000'],
          ['currency', 'EUR', 'GBP'],
          ['closingDateTime', '2027-01-31T00:00:00.000Z', '2027-04-30T00:00:00.000Z'],
          ['deskNotes', undefined, 'Scope grew to two subscriptions.'],
          ['externalReferenceId', undefined, 'CRM-77'],
          ['campaignId', 'CMP-1', undefined],
          ['salesStage', undefined, 'Developed'],
        ],
      );
    });

    it('keeps a close date that has already passed, but refuses moving it into the past', () => {
      const record = accepted({
        details: { ...accepted().referral.details, closingDateTime: '2026-11-01T00:00:00.000Z' },
      });
      ok(decide(record, edit({ closingDate: '2026-11-01' }), OWNER, NOW));
      assert.deepEqual(problems(decide(record, edit({ closingDate: '2026-11-10' }), OWNER, NOW)), [
        { field: 'closingDate', problem: 'dateInPast' },
      ]);
    });

    it('names every wrong field at once', () => {
      const result = decide(
        accepted(),
        edit({ dealName: '', dealValue: 0, currency: 'euro', closingDate: 'soon', salesStage: 'Closing' }),
        OWNER,
        NOW,
      );
      assert.deepEqual(problems(result), [
        { field: 'dealName', problem: 'required' },
        { field: 'dealValue', problem: 'notPositive' },
        { field: 'currency', problem: 'unknownCurrency' },
        { field: 'closingDate', problem: 'notADate' },
        { field: 'salesStage', problem: 'unknownChoice' },
      ]);
    });

    it('lets an ordinary deal move to any sales stage, or back', () => {
      const negotiated = ok(decide(accepted(), edit({ salesStage: 'Negotiated' }), OWNER, NOW)).record;
      assert.equal(progressOf(negotiated.referral), 80);
      const back = ok(decide(negotiated, edit({ salesStage: '' }), OWNER, NOW)).record;
      assert.equal(back.referral.salesStage, undefined);
      assert.equal(progressOf(back.referral), 10);
    });
  });
});
