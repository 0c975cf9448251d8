import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedTables, type EmbeddedTables } from '../../../bot/store/embeddedAzurite';
import { StoreProcess } from '../../support/storeProcess';
import { assertEverythingWritten, storeContents, tableOf, writeEverything } from './storeContents';

describe('store: the embedded store after a crash (kill -9)', function () {
  this.timeout(60_000);
  let dataDir: string;
  let crashed: StoreProcess | undefined;
  let restarted: EmbeddedTables | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'referral-desk-embedded-crash-'));
  });
  afterEach(async () => {
    await crashed?.kill();
    await restarted?.stop();
    crashed = restarted = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Kills the store process and starts the store again on its folder, in this process. */
  async function crashAndRestart(): Promise<EmbeddedTables> {
    await crashed!.kill();
    restarted = await startEmbeddedTables({ dataDir });
    return restarted;
  }

  it('keeps every write a flush answered for: tables, rows, updates, deletes, transactions as they were', async () => {
    crashed = await StoreProcess.start(dataDir);
    await writeEverything(crashed.connectionString);
    const before = await storeContents(crashed.connectionString);
    await crashed.ask('flush');

    const after = await storeContents((await crashAndRestart()).connectionString);

    assertEverythingWritten(after);
    assert.deepEqual(after, before);
  });

  it('keeps writes a flush answered for while a snapshot was being written, and those made before it', async () => {
    crashed = await StoreProcess.start(dataDir);
    const { connectionString } = crashed;
    await writeEverything(connectionString, 'a');
    const busy = tableOf(connectionString, 'busy');
    await busy.createTable();
    const writes = Array.from({ length: 60 }, (_, i) =>
      busy.upsertEntity({ partitionKey: `p${i % 3}`, rowKey: `r${i % 20}`, round: Math.floor(i / 20) }, 'Replace'),
    );
    const snapshot = crashed.ask('compact');
    await Promise.all([...writes, snapshot, writeEverything(connectionString, 'b')]);
    await busy.deleteEntity('p0', 'r0');
    const before = await storeContents(connectionString);
    await crashed.ask('flush');

    const after = await storeContents((await crashAndRestart()).connectionString);

    assertEverythingWritten(after, 'a');
    assertEverythingWritten(after, 'b');
    assert.deepEqual(after, before);
  });
});
