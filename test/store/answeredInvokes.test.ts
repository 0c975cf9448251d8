import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import {
  ANSWERS_KEPT_FOR,
  AnsweredInvokeRepository,
  CLAIMS_LAPSE_AFTER,
  MAX_ANSWER_BYTES,
  type InvokeClaim,
  type InvokeLookup,
} from '../../bot/store/answeredInvokeRepository';
import { NOW } from '../support/fixtures';
import { freshStorage } from '../support/rootHooks';

describe('store: AnsweredInvokeRepository', () => {
  let table: TableClient;
  let answers: AnsweredInvokeRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    table = storage.client('answeredInvokes');
    answers = new AnsweredInvokeRepository(table);
  });

  const claimOf = (lookup: InvokeLookup): InvokeClaim => {
    assert.equal(lookup.kind, 'claimed', JSON.stringify(lookup));
    return (lookup as { claim: InvokeClaim }).claim;
  };
  const rowsOf = async () => {
    const rows: string[] = [];
    for await (const row of table.listEntities()) rows.push(`${row.partitionKey}/${row.rowKey}`);
    return rows.sort();
  };

  it('claims a new id once: a second delivery finds it running, then the answer the first gave', async () => {
    const claim = claimOf(await answers.claim('aad-alice', 'f:1', NOW));
    assert.deepEqual(await answers.claim('aad-alice', 'f:1', NOW), { kind: 'running' });
    const answer = {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Snoozed until 10:00',
    };
    await answers.answer(claim, answer, { small: true }, NOW);
    assert.deepEqual(await answers.claim('aad-alice', 'f:1', NOW.plus({ hours: 23 })), { kind: 'answered', answer });
  });

  it('keeps ids apart by sender, whatever characters they hold', async () => {
    const alice = claimOf(await answers.claim('aad-alice', '1:a/b#c?d', NOW));
    await answers.answer(alice, { by: 'alice' }, {}, NOW);
    const bob = claimOf(await answers.claim('29:bob/odd#id', '1:a/b#c?d', NOW));
    await answers.answer(bob, { by: 'bob' }, {}, NOW);
    assert.deepEqual(await answers.claim('aad-alice', '1:a/b#c?d', NOW), { kind: 'answered', answer: { by: 'alice' } });
    assert.deepEqual(await answers.claim('29:bob/odd#id', '1:a/b#c?d', NOW), {
      kind: 'answered',
      answer: { by: 'bob' },
    });
  });

  it('treats an answer older than the keep period as never given, and a claim whose delivery died as free', async () => {
    const old = claimOf(await answers.claim('aad-alice', 'f:1', NOW));
    await answers.answer(old, { first: true }, {}, NOW);
    const later = NOW.plus(ANSWERS_KEPT_FOR).plus({ seconds: 1 });
    const again = claimOf(await answers.claim('aad-alice', 'f:1', later));
    assert.equal(again.claimedAt, later.toISO());

    const stuck = claimOf(await answers.claim('aad-alice', 'f:2', NOW));
    assert.deepEqual(await answers.claim('aad-alice', 'f:2', NOW.plus(CLAIMS_LAPSE_AFTER)), { kind: 'running' });
    const takenOver = claimOf(
      await answers.claim('aad-alice', 'f:2', NOW.plus(CLAIMS_LAPSE_AFTER).plus({ seconds: 1 })),
    );
    await answers.answer(stuck, { late: 'the first delivery' }, {}, NOW.plus({ minutes: 3 }));
    await answers.answer(takenOver, { from: 'the one that took over' }, {}, NOW.plus({ minutes: 3 }));
    assert.deepEqual(await answers.claim('aad-alice', 'f:2', NOW.plus({ minutes: 4 })), {
      kind: 'answered',
      answer: { from: 'the one that took over' },
    });
  });

  it('lets a released id be claimed again', async () => {
    await answers.release(claimOf(await answers.claim('aad-alice', 'f:1', NOW)));
    claimOf(await answers.claim('aad-alice', 'f:1', NOW));
  });

  it('keeps an answer compressed, and one too large even so as the smaller one given instead', async () => {
    const card = {
      type: 'AdaptiveCard',
      body: Array.from({ length: 1500 }, (_, i) => ({ type: 'TextBlock', text: `Line ${i} of a long card` })),
    };
    assert.ok(JSON.stringify(card).length > 32 * 1024, 'larger than a string property holds');
    const first = claimOf(await answers.claim('aad-alice', 'f:1', NOW));
    await answers.answer(first, card, { instead: true }, NOW);
    assert.deepEqual(await answers.claim('aad-alice', 'f:1', NOW), { kind: 'answered', answer: card });

    // Random text does not compress: its gzip stays larger than a binary property holds.
    const noise = randomBytes(MAX_ANSWER_BYTES).toString('base64');
    const second = claimOf(await answers.claim('aad-alice', 'f:2', NOW));
    await answers.answer(second, { noise }, { instead: true }, NOW);
    assert.deepEqual(await answers.claim('aad-alice', 'f:2', NOW), { kind: 'answered', answer: { instead: true } });
  });

  it("sweeps a sender's rows older than the keep period and leaves the rest", async () => {
    await answers.answer(claimOf(await answers.claim('aad-alice', 'old', NOW)), {}, {}, NOW);
    await answers.answer(claimOf(await answers.claim('aad-bob', 'old', NOW)), {}, {}, NOW);
    const later = NOW.plus(ANSWERS_KEPT_FOR).plus({ minutes: 1 });
    await answers.answer(claimOf(await answers.claim('aad-alice', 'new', later)), {}, {}, later);
    assert.equal(await answers.sweep('aad-alice', later), 1);
    assert.deepEqual(await rowsOf(), ['aad-alice/new', 'aad-bob/old']);
  });
});
