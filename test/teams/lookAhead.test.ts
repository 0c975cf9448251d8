import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { handlerOf } from '../../bot/teams/actions';
import { changesTheReferral } from '../../bot/teams/actions/lifecycleForm';

describe('which clicks start their change as they come in (lookAhead)', () => {
  it('are exactly those whose handler changes the referral through its lifecycle', () => {
    const changing = Object.values(VERBS).filter((verb) => changesTheReferral(handlerOf(verb)!));
    assert.deepEqual(
      new Set(changing),
      new Set([
        VERBS.accept,
        VERBS.decline,
        VERBS.interested,
        VERBS.noThanks,
        VERBS.win,
        VERBS.lose,
        VERBS.edit,
        VERBS.addMember,
        VERBS.removeMember,
        VERBS.addSolution,
        VERBS.removeSolution,
        VERBS.reassign,
        VERBS.upgrade,
        VERBS.moveCloseDate,
      ]),
    );
    for (const reading of [VERBS.refresh, VERBS.history, VERBS.favorite, VERBS.createDeal, VERBS.saveSettings])
      assert.equal(changesTheReferral(handlerOf(reading)!), false, reading);
  });
});
