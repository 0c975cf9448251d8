import assert from 'node:assert/strict';
import { IncomingMessage } from 'node:http';
import { odata } from '@azure/data-tables';
// The bot runs its restify server and the embedded table server in one process; restify
// changes every http.IncomingMessage when it is loaded, so it is loaded here too.
import 'restify';
import { OutboxRepository } from '../../bot/store/outboxRepository';
import { freshStorage } from '../support/rootHooks';

describe('store: embedded table server', () => {
  it('has restify loaded in this process, as the bot does', () => {
    assert.equal(typeof (IncomingMessage.prototype as { query?: unknown }).query, 'function');
  });

  it('applies $filter on keys and properties', async () => {
    const { storage } = await freshStorage();
    const table = storage.client('referrals');
    for (const [partitionKey, rowKey, n] of [
      ['p', 'event-1', 1],
      ['p', 'referral', 2],
      ['q', 'event-1', 3],
    ] as const) {
      await table.createEntity({ partitionKey, rowKey, n });
    }
    const keys = async (filter: string) => {
      const found: string[] = [];
      for await (const row of table.listEntities({ queryOptions: { filter } }))
        found.push(`${row.partitionKey}/${row.rowKey}`);
      return found.sort();
    };

    assert.deepEqual(await keys(odata`PartitionKey eq ${'p'}`), ['p/event-1', 'p/referral']);
    assert.deepEqual(await keys(odata`PartitionKey eq ${'nope'}`), []);
    assert.deepEqual(await keys(odata`RowKey lt ${'f'}`), ['p/event-1', 'q/event-1']);
    assert.deepEqual(await keys(odata`RowKey gt ${'f'}`), ['p/referral']);
    assert.deepEqual(await keys(odata`n ge ${2}`), ['p/referral', 'q/event-1']);
  });

  it('pages with $top and continuation tokens', async () => {
    const { storage } = await freshStorage();
    const table = storage.client('referrals');
    for (let i = 0; i < 25; i++)
      await table.createEntity({ partitionKey: 'p', rowKey: `r-${String(i).padStart(2, '0')}` });
    const sizes: number[] = [];
    for await (const page of table.listEntities().byPage({ maxPageSize: 10 })) sizes.push(page.length);
    assert.deepEqual(sizes, [10, 10, 5]);
  });

  it('keeps parked and future outbox tasks out of due()', async () => {
    const { storage } = await freshStorage();
    const outbox = new OutboxRepository(storage.client('cardOutbox'));
    await outbox.enqueue('now', '2026-11-23T09:00:00.000Z');
    await outbox.enqueue('later', '2026-11-23T10:00:00.000Z');
    await outbox.enqueue('parked', '2026-11-23T09:00:00.000Z');
    await outbox.park((await outbox.due('2026-11-23T09:00:00.000Z')).find((t) => t.referralId === 'parked')!);

    assert.deepEqual(
      (await outbox.due('2026-11-23T09:30:00.000Z')).map((t) => t.referralId),
      ['now'],
    );
  });
});
