import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { FieldProblem } from '../../../bot/domain/errors';
import type { AcceptInput } from '../../../bot/domain/commands';
import { decide } from '../../../bot/domain/lifecycle';
import { MAX_DEAL_VALUE } from '../../../bot/domain/validation';
import type { Referral, ReferralRecord } from '../../../bot/domain/referral';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ACCEPT_INPUT, ALICE, COMMANDS, expectDecision, problemsOf } from './fixtures';

describe('lifecycle: decide', () => {
  describe('accept', () => {
    it("sets the owner, acceptedDateTime and the deal details; the team's notes stay apart from the customer's request", () => {
      const record = receivedRecord();
      const { record: next } = expectDecision(decide(record, COMMANDS.accept, ALICE, NOW));
      const at = '2026-11-23T09:00:00.000Z';

      assert.equal(next.referral.name, 'Contoso migration, phase 1');
      assert.equal(next.referral.acceptedDateTime, at);
      assert.equal(next.referral.externalReferenceId, 'CRM-4711');
      assert.equal(next.referral.campaignId, 'CMP-2026-Q4');
      assert.equal(next.referral.details.dealValue, 48000);
      assert.equal(next.referral.details.currency, 'USD');
      assert.equal(next.referral.details.closingDateTime, '2027-02-15T00:00:00.000Z');
      assert.equal(next.desk.notes, 'Customer needs 40 VMs moved before the March freeze.');
      assert.equal(
        next.referral.details.notes,
        'We want to move 40 VMs to Azure before March.',
        "the customer's own text",
      );
      assert.deepEqual(next.desk.owner, ALICE);
      assert.deepEqual(next.desk.lastDecision, { action: 'accept', by: ALICE, at });
    });

    it('records every changed field before → after in the event, and nothing unchanged', () => {
      const record = receivedRecord();
      const { event } = expectDecision(decide(record, COMMANDS.accept, ALICE, NOW));
      assert.deepEqual(event.changes, [
        { field: 'status', before: 'New/Received', after: 'Active/Accepted' },
        { field: 'name', before: 'Contoso cloud migration', after: 'Contoso migration, phase 1' },
        { field: 'dealValue', before: '25000', after: '48000' },
        { field: 'currency', before: 'EUR', after: 'USD' },
        { field: 'closingDateTime', before: undefined, after: '2027-02-15T00:00:00.000Z' },
        { field: 'deskNotes', before: undefined, after: 'Customer needs 40 VMs moved before the March freeze.' },
        { field: 'externalReferenceId', before: undefined, after: 'CRM-4711' },
        { field: 'campaignId', before: undefined, after: 'CMP-2026-Q4' },
        { field: 'owner', before: undefined, after: 'Alice Adams' },
      ]);
    });

    it('keeps fields of the referral the desk does not model', () => {
      const base = receivedRecord();
      const referral = {
        ...base.referral,
        favorite: true,
        tags: [{ tag: 'priority' }, { tag: 'azure' }],
        links: { self: { uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/x', method: 'GET' } },
      } as Referral;
      const record: ReferralRecord = { referral, desk: base.desk };
      const before = structuredClone(record);

      const { record: next } = expectDecision(decide(record, COMMANDS.accept, ALICE, NOW));
      const kept = next.referral as Referral & Record<string, unknown>;

      assert.deepEqual(record, before);
      assert.equal(kept.favorite, true);
      assert.deepEqual(kept.tags, [{ tag: 'priority' }, { tag: 'azure' }]);
      assert.deepEqual(kept.links, {
        self: { uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/x', method: 'GET' },
      });
      assert.deepEqual(kept.consent, { consentToToShareInfoWithOthers: true, consentToContact: true });
      assert.deepEqual(next.referral.customerProfile, record.referral.customerProfile);
      assert.deepEqual(next.referral.target, record.referral.target);
      assert.deepEqual(next.referral.details.requirements, {
        solutions: [{ id: 'sol-1', name: 'Azure migration assessment' }],
      });
      assert.equal(next.referral.details.customerRequestedContact, true);
    });

    it('keeps an existing CRM id and campaign id when none is given', () => {
      const record = receivedRecord({ externalReferenceId: 'OLD-1', campaignId: 'OLD-CMP' });
      const input: AcceptInput = { ...ACCEPT_INPUT, crmId: undefined, campaignId: undefined };
      const { record: next } = expectDecision(decide(record, { action: 'accept', input }, ALICE, NOW));
      assert.equal(next.referral.externalReferenceId, 'OLD-1');
      assert.equal(next.referral.campaignId, 'OLD-CMP');
    });

    it('writes times in UTC even when the clock is in another zone', () => {
      const berlin = NOW.setZone('Europe/Berlin');
      const { record: next, event } = expectDecision(decide(receivedRecord(), COMMANDS.accept, ALICE, berlin));
      assert.equal(next.referral.acceptedDateTime, '2026-11-23T09:00:00.000Z');
      assert.equal(event.at, '2026-11-23T09:00:00.000Z');
    });

    it('accepts a closing date of today and the largest allowed deal value', () => {
      const input: AcceptInput = { ...ACCEPT_INPUT, closingDate: '2026-11-23', dealValue: MAX_DEAL_VALUE };
      const { record: next } = expectDecision(decide(receivedRecord(), { action: 'accept', input }, ALICE, NOW));
      assert.equal(next.referral.details.closingDateTime, '2026-11-23T00:00:00.000Z');
      assert.equal(next.referral.details.dealValue, MAX_DEAL_VALUE);
    });

    const invalid: { title: string; input: Partial<AcceptInput>; problems: FieldProblem[] }[] = [
      { title: 'an empty deal name', input: { dealName: '' }, problems: [{ field: 'dealName', problem: 'required' }] },
      {
        title: 'a blank deal name',
        input: { dealName: '   ' },
        problems: [{ field: 'dealName', problem: 'required' }],
      },
      {
        title: 'a deal value of 0',
        input: { dealValue: 0 },
        problems: [{ field: 'dealValue', problem: 'notPositive' }],
      },
      {
        title: 'a negative deal value',
        input: { dealValue: -100 },
        problems: [{ field: 'dealValue', problem: 'notPositive' }],
      },
      {
        title: 'a NaN deal value',
        input: { dealValue: Number.NaN },
        problems: [{ field: 'dealValue', problem: 'notANumber' }],
      },
      {
        title: 'an infinite deal value',
        input: { dealValue: Number.POSITIVE_INFINITY },
        problems: [{ field: 'dealValue', problem: 'notANumber' }],
      },
      {
        title: 'a huge deal value',
        input: { dealValue: MAX_DEAL_VALUE * 10 },
        problems: [{ field: 'dealValue', problem: 'tooLarge' }],
      },
      {
        title: "currency 'euro'",
        input: { currency: 'euro' },
        problems: [{ field: 'currency', problem: 'unknownCurrency' }],
      },
      {
        title: 'an empty currency',
        input: { currency: '' },
        problems: [{ field: 'currency', problem: 'unknownCurrency' }],
      },
      {
        title: "closing date 'not-a-date'",
        input: { closingDate: 'not-a-date' },
        problems: [{ field: 'closingDate', problem: 'notADate' }],
      },
      {
        title: 'a closing date of yesterday',
        input: { closingDate: '2026-11-22' },
        problems: [{ field: 'closingDate', problem: 'dateInPast' }],
      },
      {
        title: 'a closing date years ago',
        input: { closingDate: '2020-01-01' },
        problems: [{ field: 'closingDate', problem: 'dateInPast' }],
      },
      { title: 'empty notes', input: { notes: '' }, problems: [{ field: 'notes', problem: 'required' }] },
      { title: 'blank notes', input: { notes: ' \n\t ' }, problems: [{ field: 'notes', problem: 'required' }] },
    ];
    for (const c of invalid) {
      it(`refuses ${c.title} as invalidInput naming the field`, () => {
        const record = receivedRecord();
        const before = structuredClone(record);
        const problems = problemsOf(
          decide(record, { action: 'accept', input: { ...ACCEPT_INPUT, ...c.input } }, ALICE, NOW),
        );
        assert.deepEqual(problems, c.problems);
        assert.deepEqual(record, before);
      });
    }

    it('names every wrong field at once', () => {
      const input: AcceptInput = {
        dealName: '',
        dealValue: -1,
        currency: 'euro',
        closingDate: 'not-a-date',
        notes: '',
      };
      const problems = problemsOf(decide(receivedRecord(), { action: 'accept', input }, ALICE, NOW));
      assert.deepEqual(problems.map((p) => p.field).sort(), [
        'closingDate',
        'currency',
        'dealName',
        'dealValue',
        'notes',
      ]);
    });

    it('refuses a closing date before the referral was created, even with an earlier clock', () => {
      const record = receivedRecord({ createdDateTime: '2026-11-23T08:00:00Z' });
      const earlyClock = DateTime.fromISO('2026-11-01T09:00:00Z', { zone: 'utc' });
      const problems = problemsOf(
        decide(record, { action: 'accept', input: { ...ACCEPT_INPUT, closingDate: '2026-11-10' } }, ALICE, earlyClock),
      );
      assert.deepEqual(problems, [{ field: 'closingDate', problem: 'dateInPast' }]);
    });
  });
});
