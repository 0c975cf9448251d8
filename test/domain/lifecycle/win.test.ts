import assert from 'node:assert/strict';
import { decide } from '../../../bot/domain/lifecycle';
import { MAX_DEAL_VALUE } from '../../../bot/domain/validation';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ACCEPT_INPUT, BOB, COMMANDS, expectDecision, problemsOf } from './fixtures';

describe('lifecycle: decide', () => {
  describe('win', () => {
    const accepted = () => expectDecision(decide(receivedRecord(), COMMANDS.accept, BOB, NOW)).record;

    it('takes the final deal value and notes', () => {
      const { record: next, event } = expectDecision(decide(accepted(), COMMANDS.win, BOB, NOW.plus({ days: 30 })));
      assert.equal(next.referral.details.dealValue, 52000);
      assert.equal(next.desk.notes, 'Signed for three years');
      assert.equal(
        next.referral.details.notes,
        'We want to move 40 VMs to Azure before March.',
        "the customer's own text",
      );
      assert.equal(next.desk.revision, 3);
      assert.deepEqual(
        event.changes.find((c) => c.field === 'dealValue'),
        { field: 'dealValue', before: '48000', after: '52000' },
      );
    });

    it('keeps the accepted deal value and notes when none are given', () => {
      const { record: next } = expectDecision(
        decide(accepted(), { action: 'win', input: {} }, BOB, NOW.plus({ days: 30 })),
      );
      assert.equal(next.referral.details.dealValue, 48000);
      assert.equal(next.desk.notes, ACCEPT_INPUT.notes);
      assert.equal(next.referral.details.closingDateTime, '2027-02-15T00:00:00.000Z');
    });

    for (const [finalValue, problem] of [
      [0, 'notPositive'],
      [-1, 'notPositive'],
      [Number.NaN, 'notANumber'],
      [MAX_DEAL_VALUE + 1, 'tooLarge'],
    ] as const) {
      it(`refuses a final deal value of ${finalValue} (${problem})`, () => {
        const record = accepted();
        const before = structuredClone(record);
        assert.deepEqual(problemsOf(decide(record, { action: 'win', input: { finalValue } }, BOB, NOW)), [
          { field: 'finalValue', problem },
        ]);
        assert.deepEqual(record, before);
      });
    }
  });
});
