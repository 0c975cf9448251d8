// The referral as it arrived with its Partner Center copy, and the desk's changes to it: shared by the
// write-back tests.
import assert from 'node:assert/strict';
import { arrival } from '../../../bot/domain/incoming';
import { decide } from '../../../bot/domain/lifecycle';
import { isDomainError } from '../../../bot/domain/errors';
import { sharedFieldsOf, type SharedFields } from '../../../bot/domain/partnerCenterCopy';
import type { Actor, Referral, ReferralRecord } from '../../../bot/domain/referral';
import type { LifecycleCommand } from '../../../bot/domain/commands';
import { NOW, receivedRecord } from '../../support/fixtures';

export const ALICE: Actor = { id: 'aad-alice', name: 'Alice Adams' };

/** A valid accept form, with a CRM id. */
export const ACCEPT: LifecycleCommand = {
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
export function arrived(): ReferralRecord {
  return arrival(receivedRecord().referral, NOW, 'direct', 'v1').record;
}

/** The record after Alice's command, `minutes` after arrival, failing the test when decide() refused. */
export function decided(record: ReferralRecord, command: LifecycleCommand, minutes = 10): ReferralRecord {
  const result = decide(record, command, ALICE, NOW.plus({ minutes }));
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result.record;
}

/** The fields the desk shares with Partner Center, as the desk has them. */
export const fieldsOf = (record: ReferralRecord): SharedFields => sharedFieldsOf(record.referral);
/** The shared fields of the last copy the desk had from Partner Center. */
export const baseOf = (record: ReferralRecord): SharedFields => record.desk.partnerCenter!.copy.fields;

/** Partner Center's copy after it took a patch: the base moved to what the desk had. */
export function portal(record: ReferralRecord, changes: Partial<Referral>, at = '2026-11-23T12:00:00.000Z'): Referral {
  return { ...record.referral, ...changes, updatedDateTime: at };
}
