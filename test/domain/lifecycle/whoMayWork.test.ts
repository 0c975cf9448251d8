import assert from 'node:assert/strict';
import { isDomainError } from '../../../bot/domain/errors';
import type { LifecycleCommand } from '../../../bot/domain/commands';
import { decide } from '../../../bot/domain/lifecycle';
import { DEAL_ACTIONS } from '../../../bot/domain/permissions';
import { SYSTEM_ACTOR, type LifecycleAction } from '../../../bot/domain/referral';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ALICE, BOB, COMMANDS, ENGINEER, STAGES, expectDecision, expectError, recordIn } from './fixtures';

describe('lifecycle: decide', () => {
  describe('who may work on a deal', () => {
    const acceptedByBob = () => recordIn(STAGES.find((c) => c.stage === 'accepted')!);
    /** An invalid form of each deal action that has input to get wrong (when its owner sends it). */
    const INVALID: Partial<Record<LifecycleAction, LifecycleCommand>> = {
      win: { action: 'win', input: { finalValue: -5 } },
      lose: { action: 'lose', input: { reason: 'nonsense' } },
      edit: {
        action: 'edit',
        input: { ...(COMMANDS.edit as Extract<LifecycleCommand, { action: 'edit' }>).input, dealName: ' ' },
      },
      addMember: { action: 'addMember', input: { member: { ...ENGINEER, email: 'not-an-address' } } },
      addSolution: {
        action: 'addSolution',
        input: { solution: { id: 'sol-a', name: 'An assessment', kind: 'assessment', incentiveEligible: false } },
      },
      upgrade: { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'none' } },
      moveCloseDate: { action: 'moveCloseDate', input: { closingDate: '2026-11-01' } },
    };
    /** Each deal action in a form that finds the deal already so (what a retried click sends). */
    const NO_CHANGE: Record<string, LifecycleCommand> = {
      win: INVALID.win!,
      lose: INVALID.lose!,
      edit: {
        action: 'edit',
        input: {
          dealName: 'Contoso cloud migration',
          dealValue: 25000,
          currency: 'EUR',
          closingDate: '2027-01-31',
          salesStage: '',
        },
      },
      addMember: { action: 'addMember', input: { member: ENGINEER } },
      removeMember: { action: 'removeMember', input: { email: 'nobody@partner.example' } },
      addSolution: {
        action: 'addSolution',
        input: {
          solution: { id: 'sol-1', name: 'Azure migration assessment', kind: 'solution', incentiveEligible: false },
        },
      },
      removeSolution: { action: 'removeSolution', input: { solutionId: 'sol-404' } },
      reassign: { action: 'reassign', input: { newOwner: BOB } },
      moveCloseDate: { action: 'moveCloseDate', input: { closingDate: '2027-01-31' } },
      upgrade: { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'none' } },
    };

    for (const action of DEAL_ACTIONS) {
      it(`refuses ${action} from anyone not working the deal, naming the owner, and changes nothing`, () => {
        for (const stranger of [ALICE, SYSTEM_ACTOR, { id: BOB.name, name: BOB.name }]) {
          const record = acceptedByBob();
          const before = structuredClone(record);
          const error = expectError(decide(record, COMMANDS[action], stranger, NOW), 'notPermitted');
          assert.deepEqual(error, { kind: 'notPermitted', action, owner: BOB });
          assert.deepEqual(record, before);
        }
      });

      it(`checks the stage before the person: ${action} on a closed deal is refused as closed, whoever asks`, () => {
        const won = recordIn(STAGES.find((c) => c.stage === 'won')!);
        expectError(decide(won, COMMANDS[action], ALICE, NOW), 'notAllowedInStage');
        expectError(decide(won, COMMANDS[action], BOB, NOW), 'notAllowedInStage');
      });

      const invalid = INVALID[action];
      if (invalid) {
        it(`checks the person before the input: a stranger's invalid ${action} is refused as not permitted`, () => {
          expectError(decide(acceptedByBob(), invalid, ALICE, NOW), 'notPermitted');
          expectError(decide(acceptedByBob(), invalid, BOB, NOW), 'invalidInput');
        });
      }

      it(`checks the person before anything else: a stranger's ${action} that would change nothing is still refused`, () => {
        expectError(decide(acceptedByBob(), NO_CHANGE[action], ALICE, NOW), 'notPermitted');
        const owners = decide(acceptedByBob(), NO_CHANGE[action], BOB, NOW);
        assert.ok(
          isDomainError(owners) && owners.kind !== 'notPermitted',
          `the owner gets past the person check: ${JSON.stringify(owners)}`,
        );
      });
    }

    it('lets anyone answer a received referral', () => {
      for (const actor of [ALICE, BOB]) {
        expectDecision(decide(receivedRecord(), COMMANDS.accept, actor, NOW));
        expectDecision(decide(receivedRecord(), COMMANDS.decline, actor, NOW));
      }
    });
  });
});
