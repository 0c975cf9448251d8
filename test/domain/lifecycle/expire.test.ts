import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { LifecycleCommand } from '../../../bot/domain/commands';
import { decide } from '../../../bot/domain/lifecycle';
import { SYSTEM_ACTOR } from '../../../bot/domain/referral';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ACCEPT_INPUT, ALICE, EXPIRY, expectDecision, expectError } from './fixtures';

describe('lifecycle: decide', () => {
  describe('a received referral past its expiry', () => {
    for (const command of [
      { action: 'accept', input: ACCEPT_INPUT },
      { action: 'decline', input: { reason: 'notACustomer' } },
    ] as LifecycleCommand[]) {
      it(`refuses ${command.action} as expired, before and after the expiry is recorded`, () => {
        const error = expectError(decide(receivedRecord(), command, ALICE, EXPIRY), 'notAllowedInStage');
        assert.equal(error.stage, 'expired');
        expectDecision(decide(receivedRecord(), command, ALICE, EXPIRY.minus({ milliseconds: 1 })));
      });
    }
  });

  describe('expire', () => {
    it('is notYetExpired before the expiry, naming when it expires', () => {
      const record = receivedRecord();
      const before = structuredClone(record);
      const error = expectError(
        decide(record, { action: 'expire' }, SYSTEM_ACTOR, EXPIRY.minus({ milliseconds: 1 })),
        'notYetExpired',
      );
      assert.equal(error.expiresAt, '2026-12-07T08:00:00.000Z');
      assert.deepEqual(record, before);
    });

    it('is notYetExpired right after arrival', () => {
      expectError(decide(receivedRecord(), { action: 'expire' }, SYSTEM_ACTOR, NOW), 'notYetExpired');
    });

    it('closes as Expired exactly at the expiry', () => {
      const { record: next, event } = expectDecision(
        decide(receivedRecord(), { action: 'expire' }, SYSTEM_ACTOR, EXPIRY),
      );
      assert.equal(`${next.referral.status}/${next.referral.substatus}`, 'Closed/Expired');
      assert.equal(next.referral.closedDateTime, '2026-12-07T08:00:00.000Z');
      assert.deepEqual(event.actor, SYSTEM_ACTOR);
      assert.equal(event.action, 'expire');
      assert.equal(next.desk.owner, undefined);
    });

    it('closes as Expired after the expiry', () => {
      const later = EXPIRY.plus({ days: 5 });
      const { record: next } = expectDecision(decide(receivedRecord(), { action: 'expire' }, SYSTEM_ACTOR, later));
      assert.equal(next.referral.substatus, 'Expired');
      assert.equal(next.referral.closedDateTime, later.toISO());
    });

    it('follows the expirationDateTime Partner Center sent, not created + 14 days', () => {
      const record = receivedRecord({ expirationDateTime: '2026-11-30T12:00:00.000Z' });
      expectError(
        decide(record, { action: 'expire' }, SYSTEM_ACTOR, DateTime.fromISO('2026-11-30T11:59:59Z', { zone: 'utc' })),
        'notYetExpired',
      );
      const { record: next } = expectDecision(
        decide(record, { action: 'expire' }, SYSTEM_ACTOR, DateTime.fromISO('2026-11-30T12:00:00Z', { zone: 'utc' })),
      );
      assert.equal(next.referral.substatus, 'Expired');
    });
  });
});
