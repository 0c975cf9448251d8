import assert from 'node:assert/strict';
import { PARTNER_CENTER_ACTOR, applyIncoming, copyOf } from '../../../bot/domain/incoming';
import type { Referral } from '../../../bot/domain/referral';
import { receivedRecord } from '../../support/fixtures';
import { ALICE, LATER, accepted, applied, closed, newerCopy } from './fixtures';

describe('incoming', () => {
  describe('applyIncoming', () => {
    it('ignores a copy with the same updatedDateTime', () => {
      const stored = receivedRecord();
      assert.equal(applyIncoming(stored, { ...stored.referral, name: 'Renamed' }, LATER), null);
    });

    it('ignores an older copy', () => {
      const stored = receivedRecord({ updatedDateTime: '2026-11-23T10:00:00.000Z' });
      assert.equal(
        applyIncoming(stored, newerCopy({ updatedDateTime: '2026-11-23T09:59:59.999Z', name: 'Renamed' }), LATER),
        null,
      );
    });

    it('compares updatedDateTime as instants, not as text', () => {
      const stored = receivedRecord({ updatedDateTime: '2026-11-23T08:00:00.000Z' });
      // The same instant, written differently.
      assert.equal(
        applyIncoming(stored, newerCopy({ updatedDateTime: '2026-11-23T08:00:00Z', name: 'Same time' }), LATER),
        null,
      );
      assert.equal(
        applyIncoming(stored, newerCopy({ updatedDateTime: '2026-11-23T09:00:00+01:00', name: 'Same time' }), LATER),
        null,
      );
      // Earlier, though it sorts later as text.
      assert.equal(
        applyIncoming(stored, newerCopy({ updatedDateTime: '2026-11-23T08:30:00+01:00', name: 'Older' }), LATER),
        null,
      );
      // Later, though it sorts earlier as text.
      const later = applyIncoming(
        stored,
        newerCopy({ updatedDateTime: '2026-11-23T07:30:00-01:00', name: 'Newer' }),
        LATER,
      );
      assert.equal(applied(later).record.referral.name, 'Newer');
    });

    it('applies a newer copy of a received referral with an "updated" event', () => {
      const stored = receivedRecord();
      const incoming = newerCopy({
        name: 'Contoso: 60 VMs',
        details: { ...stored.referral.details, dealValue: 30000 },
      });

      const { record, event } = applied(applyIncoming(stored, incoming, LATER));

      assert.deepEqual(record.referral, incoming);
      assert.deepEqual(record.desk, { revision: 2, partnerCenter: { copy: copyOf(incoming, undefined) } });
      assert.deepEqual(event, {
        referralId: stored.referral.id,
        revision: 2,
        at: LATER.toISO(),
        actor: PARTNER_CENTER_ACTOR,
        action: 'updated',
        changes: [
          { field: 'name', before: 'Contoso cloud migration', after: 'Contoso: 60 VMs' },
          { field: 'dealValue', before: '25000', after: '30000' },
        ],
      });
    });

    it('takes a newer stage decided in Partner Center', () => {
      const stored = receivedRecord();
      const incoming = newerCopy({
        status: 'Closed',
        substatus: 'Expired',
        closedDateTime: '2026-11-23T10:00:00.000Z',
      });
      const { record, event } = applied(applyIncoming(stored, incoming, LATER));
      assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Expired');
      assert.equal(record.referral.closedDateTime, '2026-11-23T10:00:00.000Z');
      assert.deepEqual(
        event?.changes.find((c) => c.field === 'status'),
        { field: 'status', before: 'New/Received', after: 'Closed/Expired' },
      );
    });

    it('takes an outcome reported in Partner Center for an accepted referral', () => {
      const stored = accepted();
      const incoming = {
        ...stored.referral,
        updatedDateTime: '2026-11-30T10:00:00.000Z',
        status: 'Closed',
        substatus: 'Won',
        closedDateTime: '2026-11-30T10:00:00.000Z',
      } as Referral;
      const { record } = applied(applyIncoming(stored, incoming, LATER));
      assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Won');
      assert.deepEqual(record.desk.owner, ALICE);
    });

    it('never moves an accepted referral back to received, but takes the other new fields', () => {
      const stored = accepted();
      const before = structuredClone(stored);
      const newTeam = [
        {
          firstName: 'Anna',
          lastName: 'Schmidt',
          email: 'anna.schmidt@contoso.example',
          phoneNumber: '+49 30 7654321',
        },
      ];
      const incoming = {
        ...receivedRecord().referral,
        updatedDateTime: '2026-11-23T12:00:00.000Z',
        customerProfile: { ...stored.referral.customerProfile, team: newTeam },
        tags: [{ tag: 'hot' }],
      } as Referral;

      const { record, event } = applied(applyIncoming(stored, incoming, LATER));

      assert.deepEqual(stored, before, 'the stored record must not be mutated');
      assert.equal(record.referral.status, 'Active');
      assert.equal(record.referral.substatus, 'Accepted');
      assert.equal(record.referral.acceptedDateTime, stored.referral.acceptedDateTime);
      assert.equal(record.referral.closedDateTime, undefined);
      assert.deepEqual(record.referral.customerProfile.team, newTeam);
      assert.deepEqual((record.referral as Referral & { tags?: unknown }).tags, [{ tag: 'hot' }]);
      assert.equal(record.referral.updatedDateTime, '2026-11-23T12:00:00.000Z');
      for (const field of ['dealValue', 'currency', 'closingDateTime', 'notes'] as const) {
        assert.equal(record.referral.details[field], stored.referral.details[field], `keeps the accepted ${field}`);
      }
      assert.equal(record.referral.name, stored.referral.name, 'keeps the accepted deal name');
      assert.deepEqual(record.desk.owner, ALICE);
      assert.deepEqual(record.desk.lastDecision, stored.desk.lastDecision);
      assert.equal(record.desk.revision, stored.desk.revision + 1);
      assert.equal(event, null, 'nothing the history shows changed: the status stayed');
    });

    it('never reopens a declined referral, keeping its reason and close time', () => {
      const stored = closed('decline');
      const customerProfile = { ...stored.referral.customerProfile, size: '500to999employees' };
      const incoming = newerCopy({
        updatedDateTime: '2026-11-24T08:00:00.000Z',
        customerProfile,
        statusReason: undefined,
      });

      const { record } = applied(applyIncoming(stored, incoming, LATER));

      assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Declined');
      assert.equal(record.referral.statusReason, 'Not a customer: A student project');
      assert.equal(record.referral.closedDateTime, stored.referral.closedDateTime);
      assert.equal(record.referral.customerProfile.size, '500to999employees');
    });

    it('never moves a won referral back to accepted', () => {
      const stored = closed('win');
      const incoming = { ...accepted().referral, updatedDateTime: '2026-11-24T08:00:00.000Z' };
      const { record } = applied(applyIncoming(stored, incoming, LATER));
      assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Won');
      assert.equal(record.referral.closedDateTime, stored.referral.closedDateTime);
      assert.equal(record.referral.acceptedDateTime, stored.referral.acceptedDateTime);
    });

    it('does not mutate the incoming referral', () => {
      const stored = accepted();
      const incoming = newerCopy();
      const copy = structuredClone(incoming);
      applyIncoming(stored, incoming, LATER);
      assert.deepEqual(incoming, copy);
    });
  });
});
