import assert from 'node:assert/strict';
import { applyIncoming, arrival } from '../../bot/domain/incoming';
import { decide } from '../../bot/domain/lifecycle';
import { isDomainError } from '../../bot/domain/errors';
import { mergeCopies, sharedFieldsOf, withSharedFields, type SharedFields } from '../../bot/domain/partnerCenterCopy';
import type { Actor, Referral, ReferralRecord } from '../../bot/domain/referral';
import { nextWriteBack, syncStatusOf } from '../../bot/domain/writeBackPlan';
import type { LifecycleCommand } from '../../bot/domain/commands';
import { NOW, receivedRecord } from '../support/fixtures';

const ALICE: Actor = { id: 'aad-alice', name: 'Alice Adams' };

const ACCEPT: LifecycleCommand = {
  action: 'accept',
  input: {
    dealName: 'Contoso migration',
    dealValue: 40000,
    currency: 'EUR',
    closingDate: '2027-01-31',
    notes: 'Call Anna first',
    crmId: 'CRM-1',
  },
};

/** The fixture referral as it arrived from Partner Center, with its copy (eTag "v1"). */
function arrived(): ReferralRecord {
  return arrival(receivedRecord().referral, NOW, 'direct', 'v1').record;
}

function decided(record: ReferralRecord, command: LifecycleCommand, minutes = 10): ReferralRecord {
  const result = decide(record, command, ALICE, NOW.plus({ minutes }));
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result.record;
}

const fieldsOf = (record: ReferralRecord): SharedFields => sharedFieldsOf(record.referral);
const baseOf = (record: ReferralRecord): SharedFields => record.desk.partnerCenter!.copy.fields;

/** Partner Center's copy after it took a patch: the base moved to what the desk had. */
function portal(record: ReferralRecord, changes: Partial<Referral>, at = '2026-11-23T12:00:00.000Z'): Referral {
  return { ...record.referral, ...changes, updatedDateTime: at };
}

describe('writing back to Partner Center', () => {
  describe('nextWriteBack', () => {
    it('has nothing to write for a referral as it arrived', () => {
      const record = arrived();
      assert.deepEqual(nextWriteBack(fieldsOf(record), baseOf(record)), { kind: 'inStep' });
      assert.equal(syncStatusOf(record.desk.partnerCenter!, fieldsOf(record)), 'synced');
    });

    it('writes an accept as Active/Accepted with the value, currency, close date, notes and CRM id', () => {
      const record = decided(arrived(), ACCEPT);
      const step = nextWriteBack(fieldsOf(record), baseOf(record));
      assert.deepEqual(step, {
        kind: 'patch',
        fields: ['lifecycle', 'dealValue', 'closingDateTime', 'notes', 'externalReferenceId'],
        operations: [
          { op: 'replace', path: '/status', value: 'Active' },
          { op: 'replace', path: '/substatus', value: 'Accepted' },
          { op: 'replace', path: '/details/dealValue', value: 40000 },
          { op: 'add', path: '/details/closingDateTime', value: '2027-01-31T00:00:00.000Z' },
          { op: 'replace', path: '/details/notes', value: 'Call Anna first' },
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
