import assert from 'node:assert/strict';
import { isDomainError } from '../../../bot/domain/errors';
import { decide } from '../../../bot/domain/lifecycle';
import { isDealAction } from '../../../bot/domain/permissions';
import { SYSTEM_ACTOR, type LifecycleAction } from '../../../bot/domain/referral';
import { stageOf } from '../../../bot/domain/stage';
import { NOW } from '../../support/fixtures';
import {
  ACCEPT_INPUT,
  AFTER_EXPIRY,
  ALICE,
  ALLOWED,
  BOB,
  CLOCK,
  CLOSED_AT,
  COMMANDS,
  STAGES,
  TRANSITIONS,
  expectDecision,
  expectError,
  recordIn,
} from './fixtures';

describe('lifecycle: decide', () => {
  describe('transition matrix (every stage × every command)', () => {
    it('builds the stage records from the documented status/substatus pairs', () => {
      for (const c of STAGES) assert.equal(stageOf(recordIn(c).referral), c.stage, `${c.status}/${c.substatus}`);
    });

    for (const c of STAGES) {
      for (const action of Object.keys(COMMANDS) as LifecycleAction[]) {
        // A snooze leaves an open referral where it is.
        const outcome =
          action === 'snooze' && ['received', 'accepted'].includes(c.stage)
            ? [c.status, c.substatus]
            : ALLOWED[c.stage]?.[action];
        const title = `${c.status}/${c.substatus} (${c.stage}) × ${action}`;

        if (outcome) {
          it(`${title} → ${outcome.join('/')}`, () => {
            const record = recordIn(c);
            const before = structuredClone(record);
            const now = CLOCK[action];
            const at = now.toUTC().toISO()!;
            // Anyone may answer a received referral; only its owner (Bob here) closes a deal.
            const actor = isDealAction(action) ? BOB : ALICE;

            const { record: next, event } = expectDecision(decide(record, COMMANDS[action], actor, now));

            assert.deepEqual(record, before, 'the input record must not be mutated');
            assert.equal(next.referral.status, outcome[0]);
            assert.equal(next.referral.substatus, outcome[1]);
            assert.equal(next.referral.updatedDateTime, at);
            assert.equal(next.referral.id, record.referral.id);
            assert.equal(next.desk.revision, record.desk.revision + 1);
            const transition = TRANSITIONS.includes(action);
            // Only a move between stages becomes the card's "last decision".
            assert.deepEqual(next.desk.lastDecision, transition ? { action, by: actor, at } : record.desk.lastDecision);

            assert.equal(event.referralId, record.referral.id);
            assert.equal(event.revision, record.desk.revision + 1);
            assert.equal(event.at, at);
            assert.deepEqual(event.actor, actor);
            assert.equal(event.action, action);
            assert.ok(event.changes.length > 0, 'the event says what changed');
            assert.deepEqual(
              event.changes.find((change) => change.field === 'status'),
              transition
                ? { field: 'status', before: `${c.status}/${c.substatus}`, after: outcome.join('/') }
                : undefined,
            );

            if (!transition) {
              assert.equal(next.referral.acceptedDateTime, record.referral.acceptedDateTime);
              assert.equal(next.referral.closedDateTime, undefined);
            } else if (outcome[0] === 'Closed') {
              assert.equal(next.referral.closedDateTime, at);
              assert.equal(next.referral.acceptedDateTime, record.referral.acceptedDateTime);
              assert.deepEqual(next.desk.owner, record.desk.owner, 'closing keeps the owner');
            } else {
              assert.equal(next.referral.acceptedDateTime, at);
              assert.equal(next.referral.closedDateTime, undefined);
              assert.deepEqual(next.desk.owner, ALICE, 'the accepting user becomes the owner');
            }
          });
        } else {
          it(`${title} → notAllowedInStage`, () => {
            const record = recordIn(c);
            const before = structuredClone(record);

            const error = expectError(decide(record, COMMANDS[action], ALICE, CLOCK[action]), 'notAllowedInStage');

            assert.deepEqual(record, before, 'the input record must not be mutated');
            assert.equal(error.action, action);
            assert.equal(error.stage, c.stage);
            assert.deepEqual(error.lastDecision, c.lastDecision);
          });
        }
      }
    }

    it('refuses with the stage check even when the input would also be invalid', () => {
      const record = recordIn(STAGES.find((c) => c.stage === 'won')!);
      const error = expectError(
        decide(record, { action: 'accept', input: { ...ACCEPT_INPUT, dealName: '', dealValue: -1 } }, ALICE, NOW),
        'notAllowedInStage',
      );
      assert.deepEqual(error.lastDecision, { action: 'win', by: BOB, at: CLOSED_AT });
    });

    it('allows nothing at all from a closed stage, whoever asks and however late', () => {
      for (const c of STAGES.filter((s) => s.status === 'Closed')) {
        for (const action of Object.keys(COMMANDS) as LifecycleAction[]) {
          for (const actor of [ALICE, SYSTEM_ACTOR]) {
            const result = decide(recordIn(c), COMMANDS[action], actor, AFTER_EXPIRY.plus({ years: 1 }));
            assert.equal(isDomainError(result) && result.kind, 'notAllowedInStage', `${c.substatus} × ${action}`);
          }
        }
      }
    });
  });
});
