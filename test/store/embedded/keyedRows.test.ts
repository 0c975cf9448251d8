import assert from 'node:assert/strict';
import type { TableClient } from '@azure/data-tables';
import { embeddedStoreEachTest, storeContents, tableOf, writeEverything } from './storeContents';

const isStatus = (status: number) => (error: { statusCode?: number }) => error.statusCode === status;

describe('store: the embedded store finds a row by its keys', function () {
  this.timeout(60_000);
  const store = embeddedStoreEachTest('keyed-rows');

  /** Every row a query lists is found by its keys, as it is; rows gone are not; creating a row there is refused. */
  async function assertEveryRowFound(connectionString: string): Promise<void> {
    const contents = await storeContents(connectionString);
    for (const [name, rows] of Object.entries(contents)) {
      const table = tableOf(connectionString, name);
      for (const row of rows) {
        const { 'odata.metadata': _, ...found } = await table.getEntity<Record<string, unknown>>(
          row.partitionKey!,
          row.rowKey!,
        );
        assert.deepEqual(found, row, `${name} ${row.rowKey}`);
        await assert.rejects(
          table.createEntity({ partitionKey: row.partitionKey!, rowKey: row.rowKey! }),
          isStatus(409),
        );
      }
    }
    const people = tableOf(connectionString, 'peoplea');
    for (const gone of ['r3', 'r5']) {
      await assert.rejects(people.getEntity('p', gone), isStatus(404), `${gone} was deleted`);
      await assert.rejects(people.deleteEntity('p', gone), isStatus(404));
    }
    await assert.rejects(
      tableOf(connectionString, 'gonea').getEntity('p', 'lost'),
      isStatus(404),
      'its table was deleted',
    );
  }

  /** Rows in a large partition, and one in each of many: created, replaced, merged, deleted and created again. */
  async function churn(table: TableClient): Promise<void> {
    await table.createTable();
    for (let i = 0; i < 300; i += 100) {
      await table.submitTransaction(
        Array.from({ length: 100 }, (_, j) => ['create', { partitionKey: 'big', rowKey: `r${i + j}`, n: i + j }]),
      );
    }
    for (let i = 0; i < 50; i++) await table.createEntity({ partitionKey: `small${i}`, rowKey: 'only', n: i });
    for (let i = 0; i < 300; i += 3)
      await table.upsertEntity({ partitionKey: 'big', rowKey: `r${i}`, m: i }, 'Replace');
    for (let i = 1; i < 300; i += 3) await table.updateEntity({ partitionKey: 'big', rowKey: `r${i}`, m: i }, 'Merge');
    for (let i = 2; i < 300; i += 3) await table.deleteEntity('big', `r${i}`);
    for (let i = 2; i < 300; i += 30) await table.createEntity({ partitionKey: 'big', rowKey: `r${i}`, again: true });
  }

  async function assertChurned(table: TableClient): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const row = await table.getEntity<{ n?: number; m?: number; again?: boolean }>('big', `r${i}`).catch(() => null);
      if (i % 3 === 0) assert.deepEqual([row?.n, row?.m], [undefined, i], `r${i} replaced`);
      if (i % 3 === 1) assert.deepEqual([row?.n, row?.m], [i, i], `r${i} merged`);
      if (i % 3 === 2) assert.equal(row?.again, i % 30 === 2 ? true : undefined, `r${i} deleted, some created again`);
    }
    for (let i = 0; i < 50; i++) assert.equal((await table.getEntity<{ n: number }>(`small${i}`, 'only')).n, i);
  }

  it('after every kind of write, as a query lists the rows', async () => {
    const tables = await store.start('memory');
    await writeEverything(tables.connectionString);
    await churn(tableOf(tables.connectionString, 'churned'));

    await assertEveryRowFound(tables.connectionString);
    await assertChurned(tableOf(tables.connectionString, 'churned'));
  });

  it('after a restart on its snapshot and journal, and with writes since', async () => {
    let tables = await store.start();
    await writeEverything(tables.connectionString);
    await tables.compact();
    await churn(tableOf(tables.connectionString, 'churned'));

    tables = await store.start();
    await assertEveryRowFound(tables.connectionString);
    await assertChurned(tableOf(tables.connectionString, 'churned'));
    await writeEverything(tables.connectionString, 'b');
    await assertEveryRowFound(tables.connectionString);
  });
});
