import assert from 'node:assert/strict';
import { diffFields } from '../../bot/domain/history';
import { applyIncoming } from '../../bot/domain/incoming';
import type { Referral, ReferralRecord } from '../../bot/domain/referral';
import { NOW, receivedRecord } from '../support/fixtures';

/** A referral stored as Partner Center wrote it, with null for its CRM id, reason and campaign. */
function storedWithNulls(): ReferralRecord {
  const record = receivedRecord();
  const referral = {
    ...record.referral,
    externalReferenceId: null,
    statusReason: null,
    campaignId: null,
  } as unknown as Referral;
  return { ...record, referral };
}

describe('domain: history of changes', () => {
  it('takes null as no value: null to absent is no change, and a value from null is (none) → value', () => {
    assert.deepEqual(diffFields({ crm: null, reason: null }, { crm: undefined }), []);
    assert.deepEqual(diffFields({ crm: null }, { crm: 'CRM-1' }), [
      { field: 'crm', before: undefined, after: 'CRM-1' },
    ]);
    assert.deepEqual(diffFields({ crm: 'CRM-1' }, { crm: null }), [
      { field: 'crm', before: 'CRM-1', after: undefined },
    ]);
  });

  it('a newer copy that gives a stored null a value records the change from no value', () => {
    const newer: Referral = {
      ...receivedRecord().referral,
      updatedDateTime: '2026-11-23T10:00:00.000Z',
      status: 'Closed',
      substatus: 'Declined',
      statusReason: 'Customer chose another partner',
      externalReferenceId: 'CRM-0042',
    };
    const decision = applyIncoming(storedWithNulls(), newer, NOW);
    assert.ok(decision?.event);
    const changes = Object.fromEntries(decision.event.changes.map((change) => [change.field, change]));
    assert.deepEqual(changes.externalReferenceId, {
      field: 'externalReferenceId',
      before: undefined,
      after: 'CRM-0042',
    });
    assert.deepEqual(changes.statusReason, {
      field: 'statusReason',
      before: undefined,
      after: 'Customer chose another partner',
    });
    assert.equal(changes.campaignId, undefined, 'a null campaign id left out of the copy is no change');
  });
});
