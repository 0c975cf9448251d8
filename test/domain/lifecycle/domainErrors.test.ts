import assert from 'node:assert/strict';
import { isDomainError } from '../../../bot/domain/errors';
import { decide } from '../../../bot/domain/lifecycle';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ALICE, COMMANDS, expectDecision } from './fixtures';

describe('errors: isDomainError', () => {
  it('recognises the error kinds and nothing else', () => {
    assert.equal(isDomainError({ kind: 'invalidInput', problems: [] }), true);
    assert.equal(isDomainError({ kind: 'notAllowedInStage', action: 'accept', stage: 'won' }), true);
    assert.equal(isDomainError({ kind: 'notYetExpired', expiresAt: 'x' }), true);
    assert.equal(isDomainError({ kind: 'something' }), false);
    assert.equal(isDomainError(null), false);
    assert.equal(isDomainError('invalidInput'), false);
    assert.equal(isDomainError(expectDecision(decide(receivedRecord(), COMMANDS.accept, ALICE, NOW))), false);
  });
});
