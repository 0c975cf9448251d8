import assert from 'node:assert/strict';
import { mergeCopies, type SharedFields } from '../../../bot/domain/partnerCenterCopy';
import { arrived, fieldsOf } from './fixtures';

describe('writing back to Partner Center', () => {
  describe('mergeCopies', () => {
    const base = fieldsOf(arrived());

    it('keeps the desk changes and takes Partner Center changes to other fields', () => {
      const ours: SharedFields = { ...base, lifecycle: { status: 'Active', substatus: 'Accepted' }, dealValue: 40000 };
      const theirs: SharedFields = { ...base, currency: 'USD', notes: 'Changed by a Microsoft seller' };
      const { fields, conflicts } = mergeCopies(ours, base, theirs);
      assert.deepEqual(conflicts, []);
      assert.deepEqual(fields, {
        ...base,
        lifecycle: ours.lifecycle,
        dealValue: 40000,
        currency: 'USD',
        notes: 'Changed by a Microsoft seller',
      });
    });

    it('is no conflict when both made the same change (the echo of a write)', () => {
      const ours: SharedFields = { ...base, dealValue: 40000 };
      assert.deepEqual(mergeCopies(ours, base, { ...ours }), { fields: ours, conflicts: [] });
    });

    it('compares close dates as instants', () => {
      const ours: SharedFields = { ...base, closingDateTime: '2027-01-31T00:00:00.000Z' };
      const theirs: SharedFields = { ...base, closingDateTime: '2027-01-31T00:00:00Z' };
      assert.deepEqual(mergeCopies(ours, base, theirs).conflicts, []);
    });

    it('keeps Partner Center value of a field both changed, and records the conflict', () => {
      const ours: SharedFields = { ...base, dealValue: 40000 };
      const theirs: SharedFields = { ...base, dealValue: 55000 };
      const { fields, conflicts } = mergeCopies(ours, base, theirs);
      assert.equal(fields.dealValue, 55000);
      assert.deepEqual(conflicts, [{ field: 'dealValue', ours: 40000, theirs: 55000 }]);
    });

    it('a referral declined in the portal takes none of the desk changes still to be written', () => {
      const ours: SharedFields = {
        ...base,
        lifecycle: { status: 'Active', substatus: 'Accepted' },
        dealValue: 40000,
        name: 'Desk name',
      };
      const theirs: SharedFields = {
        ...base,
        lifecycle: { status: 'Closed', substatus: 'Declined', statusReason: 'Other' },
      };
      const { fields, conflicts } = mergeCopies(ours, base, theirs);
      assert.deepEqual(fields.lifecycle, theirs.lifecycle);
      assert.equal(fields.dealValue, base.dealValue);
      assert.equal(fields.name, 'Desk name', 'the name is the desk own, never written');
      assert.deepEqual(
        conflicts.map((c) => c.field),
        ['lifecycle', 'dealValue'],
      );
    });
  });
});
