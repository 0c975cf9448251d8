import assert from 'node:assert/strict';
import type { SharedFields } from '../../../bot/domain/partnerCenterCopy';
import { nextWriteBack, syncStatusOf } from '../../../bot/domain/writeBackPlan';
import { ACCEPT, arrived, baseOf, decided, fieldsOf } from './fixtures';

describe('writing back to Partner Center', () => {
  describe('nextWriteBack', () => {
    it('has nothing to write for a referral as it arrived', () => {
      const record = arrived();
      assert.deepEqual(nextWriteBack(fieldsOf(record), baseOf(record)), { kind: 'inStep' });
      assert.equal(syncStatusOf(record.desk.partnerCenter!, fieldsOf(record)), 'synced');
    });

    it("writes an accept as Active/Accepted with the value, currency, close date and CRM id; the team's notes stay on the desk", () => {
      const record = decided(arrived(), ACCEPT);
      const step = nextWriteBack(fieldsOf(record), baseOf(record));
      assert.deepEqual(step, {
        kind: 'patch',
        fields: ['lifecycle', 'dealValue', 'closingDateTime', 'externalReferenceId'],
        operations: [
          { op: 'replace', path: '/status', value: 'Active' },
          { op: 'replace', path: '/substatus', value: 'Accepted' },
          { op: 'replace', path: '/details/dealValue', value: 40000 },
          { op: 'add', path: '/details/closingDateTime', value: '2027-01-31T00:00:00.000Z' },
          { op: 'add', path: '/externalReferenceId', value: 'CRM-1' },
        ],
      });
      assert.equal(syncStatusOf(record.desk.partnerCenter!, fieldsOf(record)), 'pending');
    });

    it('writes a decline as Closed/Declined with its reason', () => {
      const record = decided(arrived(), {
        action: 'decline',
        input: { reason: 'notACustomer', notes: 'A student project' },
      });
      const step = nextWriteBack(fieldsOf(record), baseOf(record));
      assert.equal(step.kind, 'patch');
      assert.deepEqual(step.kind === 'patch' && step.operations, [
        { op: 'replace', path: '/status', value: 'Closed' },
        { op: 'replace', path: '/substatus', value: 'Declined' },
        { op: 'add', path: '/statusReason', value: 'Not a customer: A student project' },
      ]);
    });

    it('accepts first, then closes, a deal won before anything was written', () => {
      const won = decided(decided(arrived(), ACCEPT), { action: 'win', input: {} }, 20);
      const first = nextWriteBack(fieldsOf(won), baseOf(won));
      assert.equal(first.kind, 'patch');
      assert.deepEqual(first.kind === 'patch' && first.operations.slice(0, 2).map((o) => o.value), [
        'Active',
        'Accepted',
      ]);
      // Partner Center took the first patch: its copy is accepted, with the deal's fields.
      const afterFirst: SharedFields = { ...fieldsOf(won), lifecycle: { status: 'Active', substatus: 'Accepted' } };
      assert.deepEqual(nextWriteBack(fieldsOf(won), afterFirst), {
        kind: 'patch',
        fields: ['lifecycle'],
        operations: [
          { op: 'replace', path: '/status', value: 'Closed' },
          { op: 'replace', path: '/substatus', value: 'Won' },
        ],
      });
      assert.deepEqual(nextWriteBack(fieldsOf(won), fieldsOf(won)), { kind: 'inStep' });
    });

    it('writes edits of an accepted deal: sales stage, team, solutions, campaign; a cleared value as null', () => {
      const accepted = decided(arrived(), ACCEPT);
      const base = fieldsOf(accepted);
      const ours: SharedFields = {
        ...base,
        salesStage: 'Qualified',
        team: [{ firstName: 'Bo', lastName: 'Berg', email: 'bo@partner.example' }],
        solutions: [],
        campaignId: 'CAMP-7',
        externalReferenceId: undefined,
      };
      const step = nextWriteBack(ours, base);
      assert.deepEqual(step.kind === 'patch' && step.operations, [
        { op: 'add', path: '/salesStage', value: 'Qualified' },
        { op: 'replace', path: '/details/requirements/solutions', value: [] },
        { op: 'add', path: '/team', value: [{ firstName: 'Bo', lastName: 'Berg', email: 'bo@partner.example' }] },
        { op: 'replace', path: '/externalReferenceId', value: null },
        { op: 'add', path: '/campaignId', value: 'CAMP-7' },
      ]);
    });

    it('does not write an expiry (Partner Center expires referrals itself) nor the deal name', () => {
      const record = arrived();
      const expired: SharedFields = {
        ...fieldsOf(record),
        lifecycle: { status: 'Closed', substatus: 'Expired' },
        name: 'Renamed on the desk',
      };
      assert.deepEqual(nextWriteBack(expired, baseOf(record)), { kind: 'inStep' });
    });

    it('cannot write to a referral Partner Center has closed', () => {
      const accepted = fieldsOf(decided(arrived(), ACCEPT));
      const closedThere: SharedFields = {
        ...accepted,
        lifecycle: { status: 'Closed', substatus: 'Lost', statusReason: 'Other' },
      };
      assert.deepEqual(nextWriteBack({ ...accepted, dealValue: 1 }, closedThere), {
        kind: 'unwritable',
        fields: ['lifecycle', 'dealValue'],
      });
    });

    it('cannot move Partner Center back: an accepted referral there is not made new again', () => {
      const record = arrived();
      const acceptedThere: SharedFields = {
        ...fieldsOf(record),
        lifecycle: { status: 'Active', substatus: 'Accepted' },
      };
      assert.deepEqual(nextWriteBack(fieldsOf(record), acceptedThere), { kind: 'unwritable', fields: ['lifecycle'] });
    });
  });
});
