import assert from 'node:assert/strict';
import type { EditInput } from '../../bot/domain/commands';
import { editValuesOf, lastChangerOf, mergeEdit, readEditValues } from '../../bot/domain/editMerge';
import type { HistoryEvent } from '../../bot/domain/history';
import type { ReferralRecord } from '../../bot/domain/referral';
import { receivedRecord } from '../support/fixtures';

function deal(changes: {
  name?: string;
  dealValue?: number;
  notes?: string;
  closingDateTime?: string;
  crmId?: string;
}): ReferralRecord {
  const record = receivedRecord();
  const { referral } = record;
  return {
    ...record,
    referral: {
      ...referral,
      name: changes.name ?? 'Contoso migration',
      externalReferenceId: changes.crmId,
      details: {
        ...referral.details,
        dealValue: changes.dealValue ?? 30000,
        currency: 'EUR',
        notes: changes.notes,
        closingDateTime: changes.closingDateTime ?? '2027-02-15T00:00:00.000Z',
      },
    },
  };
}

function formOf(record: ReferralRecord, changes: Partial<EditInput> = {}): EditInput {
  const values = editValuesOf(record);
  return { ...values, dealValue: Number(values.dealValue), ...changes };
}

describe('merging an Edit form with what changed since it was opened', () => {
  const opened = deal({});
  const base = editValuesOf(opened);

  it('keeps newer values of fields the form left as they were', () => {
    const now = deal({ closingDateTime: '2027-04-30T00:00:00.000Z' });
    const merged = mergeEdit(formOf(opened, { crmId: 'CRM-1' }), base, now);
    assert.ok('input' in merged);
    assert.equal(merged.input.closingDate, '2027-04-30');
    assert.equal(merged.input.crmId, 'CRM-1');
  });

  it('names a field both changed to different values, and takes one both changed alike', () => {
    assert.deepEqual(mergeEdit(formOf(opened, { dealValue: 80000 }), base, deal({ dealValue: 70000 })), {
      conflicts: ['dealValue'],
    });
    const alike = mergeEdit(formOf(opened, { dealValue: 70000 }), base, deal({ dealValue: 70000 }));
    assert.ok('input' in alike && alike.input.dealValue === 70000);
  });

  it('takes a form without what it was opened with as it is', () => {
    const form = formOf(opened, { notes: 'x' });
    assert.deepEqual(mergeEdit(form, undefined, deal({ notes: 'newer' })), { input: form });
  });

  it('reads what the form was opened with only when every field is there as text', () => {
    assert.deepEqual(readEditValues(JSON.stringify(base)), base);
    assert.equal(readEditValues(JSON.stringify({ ...base, dealValue: 3 })), undefined);
    assert.equal(readEditValues('{not json'), undefined);
    assert.equal(readEditValues({ ...base }), undefined);
  });

  it('finds who last changed a field in the history', () => {
    const event = (revision: number, field: string, name: string): HistoryEvent => ({
      referralId: 'r',
      revision,
      at: '2026-11-23T09:00:00Z',
      actor: { id: name, name },
      action: 'edit',
      changes: [{ field, before: 'a', after: 'b' }],
    });
    const events = [event(1, 'dealValue', 'Alice'), event(2, 'deskNotes', 'Bob'), event(3, 'dealValue', 'Carol')];
    assert.equal(lastChangerOf(events, ['dealValue'])?.name, 'Carol');
    assert.equal(lastChangerOf(events, ['notes'])?.name, 'Bob');
    assert.equal(lastChangerOf(events, ['crmId']), undefined);
  });
});
