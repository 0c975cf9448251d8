import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableClient, TableServiceClient, type TableEntityResult } from '@azure/data-tables';
import { startEmbeddedTables, type EmbeddedTables } from '../../../bot/store/embeddedAzurite';

const OPTIONS = { allowInsecureConnection: true };

/** A table of the store behind `connectionString`. */
export function tableOf(connectionString: string, name: string): TableClient {
  return TableClient.fromConnectionString(connectionString, name, OPTIONS);
}

/** Every table of the store and every row of each, as a client reads them (with their etags and timestamps). */
export async function storeContents(connectionString: string): Promise<Record<string, TableEntityResult<object>[]>> {
  const contents: Record<string, TableEntityResult<object>[]> = {};
  for await (const table of TableServiceClient.fromConnectionString(connectionString, OPTIONS).listTables()) {
    const rows: TableEntityResult<object>[] = [];
    for await (const row of tableOf(connectionString, table.name!).listEntities()) rows.push(row);
    contents[table.name!] = rows;
  }
  return contents;
}

/**
 * Writes of every kind through the store's HTTP API: tables created, one deleted and one created
 * again; rows inserted, replaced, merged and deleted; a transaction that succeeds and one that
 * fails (Azurite puts back the rows it had changed). `tag` keeps the names of two runs apart.
 */
export async function writeEverything(connectionString: string, tag = 'a'): Promise<void> {
  const people = tableOf(connectionString, `people${tag}`);
  const gone = tableOf(connectionString, `gone${tag}`);
  await people.createTable();
  await gone.createTable();
  await gone.createEntity({ partitionKey: 'p', rowKey: 'lost', note: 'deleted with its table' });
  for (let i = 0; i < 12; i++) {
    await people.createEntity({ partitionKey: 'p', rowKey: `r${i}`, name: `Person ${i} in Köln`, n: i });
  }
  await people.upsertEntity({ partitionKey: 'p', rowKey: 'r1', name: 'Replaced' }, 'Replace');
  await people.updateEntity({ partitionKey: 'p', rowKey: 'r2', extra: true }, 'Merge');
  await people.deleteEntity('p', 'r3');
  await people.submitTransaction([
    ['create', { partitionKey: 'p', rowKey: 't1', from: 'transaction' }],
    ['update', { partitionKey: 'p', rowKey: 'r4', n: 40 }, 'Merge'],
    ['delete', { partitionKey: 'p', rowKey: 'r5' }],
  ]);
  await assert.rejects(
    people.submitTransaction([
      ['update', { partitionKey: 'p', rowKey: 'r7', n: 70 }, 'Replace'],
      ['delete', { partitionKey: 'p', rowKey: 'r8' }],
      ['create', { partitionKey: 'p', rowKey: 'r6' }],
    ]),
    'a transaction creating a row that exists fails',
  );
  await gone.deleteTable();
  await gone.createTable();
  await gone.createEntity({ partitionKey: 'p', rowKey: 'again', note: 'in the table created again' });
}

/** What writeEverything leaves in `people<tag>`: row keys and the fields that changed. */
export function assertEverythingWritten(contents: Record<string, TableEntityResult<object>[]>, tag = 'a'): void {
  const people = contents[`people${tag}`];
  const rows = new Map(people.map((row) => [row.rowKey, row as unknown as Record<string, unknown>]));
  assert.deepEqual([...rows.keys()].sort(), ['r0', 'r1', 'r10', 'r11', 'r2', 'r4', 'r6', 'r7', 'r8', 'r9', 't1']);
  assert.equal(rows.get('r1')?.name, 'Replaced');
  assert.equal(rows.get('r1')?.n, undefined);
  assert.equal(rows.get('r2')?.extra, true);
  assert.equal(rows.get('r4')?.n, 40);
  assert.equal(rows.get('r7')?.n, 7, 'the failed transaction was rolled back');
  assert.deepEqual(
    contents[`gone${tag}`].map((row) => row.rowKey),
    ['again'],
  );
}

/** The embedded store of each test of a suite: see embeddedStoreEachTest. */
export interface StoreEachTest {
  /** The test's own data folder. */
  dataDir: () => string;
  /** Starts the store on the test's folder (or in memory), after stopping the one started before. */
  start: (where?: 'folder' | 'memory') => Promise<EmbeddedTables>;
  /** Stops the store started last, if it runs. */
  stop: () => Promise<void>;
}

/** For each test of the suite: a data folder of its own; after it, its store stopped and the folder removed. */
export function embeddedStoreEachTest(name: string): StoreEachTest {
  let dataDir = '';
  let tables: EmbeddedTables | undefined;
  const stop = async () => {
    await tables?.stop();
    tables = undefined;
  };
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), `referral-desk-${name}-`));
  });
  afterEach(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir: () => dataDir,
    start: async (where = 'folder') => {
      await stop();
      tables = await startEmbeddedTables(where === 'folder' ? { dataDir } : {});
      return tables;
    },
    stop,
  };
}
