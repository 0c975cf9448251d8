import assert from 'node:assert/strict';
import { decide } from '../../../bot/domain/lifecycle';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ALICE, COMMANDS, expectDecision, expectError } from './fixtures';

describe('lifecycle: decide', () => {
  describe('a chain of decisions', () => {
    it('numbers revisions consecutively and leaves every earlier record untouched', () => {
      const r1 = receivedRecord();
      const r1Copy = structuredClone(r1);
      const d2 = expectDecision(decide(r1, COMMANDS.accept, ALICE, NOW));
      const r2Copy = structuredClone(d2.record);
      const d3 = expectDecision(decide(d2.record, COMMANDS.win, ALICE, NOW.plus({ days: 10 })));

      assert.deepEqual([d2.event.revision, d3.event.revision], [2, 3]);
      assert.deepEqual(r1, r1Copy);
      assert.deepEqual(d2.record, r2Copy);
      assert.deepEqual(d3.record.desk.owner, ALICE);
      assert.deepEqual(d3.record.desk.lastDecision, { action: 'win', by: ALICE, at: NOW.plus({ days: 10 }).toISO() });
      const refused = expectError(decide(d3.record, COMMANDS.lose, ALICE, NOW.plus({ days: 11 })), 'notAllowedInStage');
      assert.deepEqual(refused.lastDecision, d3.record.desk.lastDecision);
    });
  });
});
