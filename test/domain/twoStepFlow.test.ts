import assert from 'node:assert/strict';
import type { LifecycleCommand } from '../../bot/domain/commands';
import { isDomainError, type DomainError } from '../../bot/domain/errors';
import { arrival } from '../../bot/domain/incoming';
import { decide, NO_THANKS_REASON, type Decision } from '../../bot/domain/lifecycle';
import type { Actor, ReferralRecord } from '../../bot/domain/referral';
import { responseFlowFor } from '../../bot/domain/routing';
import { stageOfRecord, type Stage } from '../../bot/domain/stage';
import { answerDeadlineOf } from '../../bot/domain/timeLimits';
import { NOW, receivedRecord } from '../support/fixtures';

const REP: Actor = { id: 'aad-rep', name: 'EMEA Rep' };
const SYSTEM: Actor = { id: 'system', name: 'Referral Desk' };
/** The fixture referral was created at 08:00 on 23 Nov 2026 and expires 14 days later. */
const CREATED = NOW.minus({ hours: 1 });

const ACCEPT: LifecycleCommand = {
  action: 'accept',
  input: { dealName: 'Contoso', dealValue: 1000, currency: 'EUR', closingDate: '2027-03-01', notes: 'Workshop first.' },
};
const DECLINE: LifecycleCommand = { action: 'decline', input: { reason: 'notACustomer' } };
const COMMANDS: Record<string, LifecycleCommand> = {
  interested: { action: 'interested' },
  noThanks: { action: 'noThanks' },
  accept: ACCEPT,
  decline: DECLINE,
};

function twoStep(): ReferralRecord {
  const record = arrival(receivedRecord().referral, NOW, 'twoStep').record;
  return record;
}

function ok(result: Decision | DomainError): Decision {
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result;
}

function outcome(result: Decision | DomainError): string {
  return isDomainError(result)
    ? `${result.kind}${'stage' in result ? `:${result.stage}` : ''}`
    : stageOfRecord(result.record);
}

describe('the older two-step flow', () => {
  it('is chosen per region, the smallest region that sets it winning', () => {
    const regions = [
      { code: 'emea', name: 'EMEA', countries: ['DE', 'FR', 'GB'], responseFlow: 'twoStep' as const },
      { code: 'uk', name: 'UK', countries: ['GB'], responseFlow: 'direct' as const },
      { code: 'americas', name: 'Americas', countries: ['US'] },
    ];
    assert.equal(responseFlowFor('DE', regions), 'twoStep');
    assert.equal(responseFlowFor('GB', regions), 'direct');
    assert.equal(responseFlowFor('US', regions), 'direct');
    assert.equal(arrival(receivedRecord().referral, NOW, 'twoStep').record.desk.flow, 'twoStep');
    assert.equal(arrival(receivedRecord().referral, NOW).record.desk.flow, undefined);
  });

  /** [stage the referral is in, command] → resulting stage or error, in the two-step flow. */
  const MATRIX: [string, () => ReferralRecord, Record<string, string>][] = [
    [
      'new',
      twoStep,
      {
        interested: 'evaluating',
        noThanks: 'missed',
        accept: 'notAllowedInStage:received',
        decline: 'notAllowedInStage:received',
      },
    ],
    [
      'evaluating',
      () => ok(decide(twoStep(), COMMANDS.interested, REP, NOW)).record,
      {
        interested: 'notAllowedInStage:evaluating',
        noThanks: 'notAllowedInStage:evaluating',
        accept: 'accepted',
        decline: 'declined',
      },
    ],
    [
      'missed',
      () => ok(decide(twoStep(), COMMANDS.noThanks, REP, NOW)).record,
      {
        interested: 'notAllowedInStage:missed',
        noThanks: 'notAllowedInStage:missed',
        accept: 'notAllowedInStage:missed',
        decline: 'notAllowedInStage:missed',
      },
    ],
  ];
  for (const [name, build, expected] of MATRIX) {
    for (const [action, result] of Object.entries(expected)) {
      it(`${name} × ${action} → ${result}`, () => {
        const record = build();
        const before = structuredClone(record);
        assert.equal(outcome(decide(record, COMMANDS[action], REP, NOW.plus({ hours: 1 }))), result);
        assert.deepEqual(record, before, 'the input record is not mutated');
      });
    }
  }

  it('Interested starts a 7-day evaluation and records who and when', () => {
    const { record, event } = ok(decide(twoStep(), COMMANDS.interested, REP, NOW));
    assert.equal(record.desk.interestedAt, NOW.toISO());
    assert.equal(record.referral.status, 'New', "Partner Center's referral stays New");
    assert.deepEqual(record.desk.lastDecision, { action: 'interested', by: REP, at: NOW.toISO() });
    assert.deepEqual(event.changes, [{ field: 'evaluatingSince', before: undefined, after: NOW.toISO() }]);
    assert.equal(answerDeadlineOf(record).toISO(), NOW.plus({ days: 7 }).toISO());
  });

  it('No thanks archives it as Missed (declined in Partner Center, saying so)', () => {
    const { record } = ok(decide(twoStep(), COMMANDS.noThanks, REP, NOW));
    assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Declined');
    assert.equal(record.referral.statusReason, NO_THANKS_REASON);
    assert.equal(stageOfRecord(record), 'missed');
  });

  it('gives 72 hours to show interest: after that it counts as missed, and expiring archives it as Missed', () => {
    const deadline = CREATED.plus({ hours: 72 });
    assert.equal(answerDeadlineOf(twoStep()).toISO(), deadline.toISO());
    ok(decide(twoStep(), COMMANDS.interested, REP, deadline.minus({ milliseconds: 1 })));
    assert.equal(outcome(decide(twoStep(), COMMANDS.interested, REP, deadline)), 'notAllowedInStage:missed');
    assert.equal(
      outcome(decide(twoStep(), { action: 'expire' }, SYSTEM, deadline.minus({ milliseconds: 1 }))),
      'notYetExpired',
    );
    const { record } = ok(decide(twoStep(), { action: 'expire' }, SYSTEM, deadline));
    assert.equal(stageOfRecord(record), 'missed');
    assert.equal(record.referral.substatus, 'Expired');
  });

  it('gives 7 days to accept or decline after Interested, then expires it', () => {
    const interestedAt = NOW.plus({ hours: 10 });
    const evaluating = ok(decide(twoStep(), COMMANDS.interested, REP, interestedAt)).record;
    const deadline = interestedAt.plus({ days: 7 });
    ok(decide(evaluating, ACCEPT, REP, deadline.minus({ minutes: 1 })));
    assert.equal(outcome(decide(evaluating, ACCEPT, REP, deadline)), 'notAllowedInStage:expired');
    const { record } = ok(decide(evaluating, { action: 'expire' }, SYSTEM, deadline));
    assert.equal(stageOfRecord(record), 'expired');
  });

  it("never runs a window past the referral's own expiry", () => {
    const record = arrival(
      receivedRecord({ expirationDateTime: CREATED.plus({ hours: 30 }).toISO()! }).referral,
      NOW,
      'twoStep',
    ).record;
    assert.equal(answerDeadlineOf(record).toISO(), CREATED.plus({ hours: 30 }).toISO());
  });

  it('refuses Interested and No thanks in the newer direct flow', () => {
    for (const action of ['interested', 'noThanks']) {
      assert.equal(outcome(decide(receivedRecord(), COMMANDS[action], REP, NOW)), 'notAllowedInStage:received');
    }
  });

  it('refuses every action on a missed referral however late', () => {
    const missed = ok(decide(twoStep(), COMMANDS.noThanks, REP, NOW)).record;
    const stages: Stage[] = [];
    for (const command of [
      ...Object.values(COMMANDS),
      { action: 'expire' } as LifecycleCommand,
      { action: 'win', input: {} } as LifecycleCommand,
    ]) {
      const result = decide(missed, command, REP, NOW.plus({ days: 30 }));
      assert.ok(isDomainError(result) && result.kind === 'notAllowedInStage', command.action);
      stages.push(result.stage);
    }
    assert.deepEqual([...new Set(stages)], ['missed']);
  });
});
