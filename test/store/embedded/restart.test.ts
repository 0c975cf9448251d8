import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedTables } from '../../../bot/store/embeddedAzurite';
import {
  assertEverythingWritten,
  embeddedStoreEachTest,
  storeContents,
  tableOf,
  writeEverything,
} from './storeContents';

/** The journal files in `dir`. */
const journals = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('tables.journal.'));

describe('store: the embedded store started again on its folder', function () {
  this.timeout(30_000);
  const { dataDir, start, stop } = embeddedStoreEachTest('embedded-restart');

  it('writes a change to the journal, not the whole file; a restart folds the journal into tables.json', async () => {
    const { connectionString } = await start();
    await writeEverything(connectionString);
    const before = await storeContents(connectionString);
    await stop();
    assert.equal(existsSync(join(dataDir(), 'tables.json')), false, 'no whole-file save while running');
    assert.deepEqual(journals(dataDir()), ['tables.journal.1']);

    const after = await storeContents((await start()).connectionString);

    assert.deepEqual(after, before);
    assert.deepEqual(journals(dataDir()), [], 'the journal was folded into the snapshot');
    assert.match(readFileSync(join(dataDir(), 'tables.json'), 'utf8'), /"Person 11 in Köln"/);
  });

  it('replays a journal again that a crash kept beside the snapshot already holding it', async () => {
    const tables = await start();
    const { connectionString } = tables;
    const dropped = tableOf(connectionString, 'dropped');
    await dropped.createTable();
    await dropped.createEntity({ partitionKey: 'p', rowKey: 'before' });
    await tables.compact();
    // Changes of a table whose creation is in the snapshot only, and which is gone from the next one.
    await dropped.createEntity({ partitionKey: 'p', rowKey: 'after' });
    await dropped.deleteTable();
    await writeEverything(connectionString);
    const before = await storeContents(connectionString);
    await stop();
    const kept = journals(dataDir());
    assert.deepEqual(kept, ['tables.journal.2']);
    for (const name of kept) copyFileSync(join(dataDir(), name), join(dataDir(), `${name}.kept`));
    await start();
    await stop();
    // As if the process died after writing the new snapshot, before it removed the journal.
    for (const name of kept) renameSync(join(dataDir(), `${name}.kept`), join(dataDir(), name));

    const after = await storeContents((await start()).connectionString);

    assert.deepEqual(after, before);
  });

  it('keeps what it wrote after a snapshot taken while running, and drops the journal the snapshot holds', async () => {
    const tables = await start();
    const { connectionString } = tables;
    await writeEverything(connectionString, 'a');
    await tables.compact();
    assert.deepEqual(journals(dataDir()), []);
    await writeEverything(connectionString, 'b');
    const before = await storeContents(connectionString);
    await stop();
    assert.deepEqual(journals(dataDir()), ['tables.journal.2']);

    const after = await storeContents((await start()).connectionString);

    assertEverythingWritten(after, 'a');
    assertEverythingWritten(after, 'b');
    assert.deepEqual(after, before);
  });

  it('leaves out a last journal line cut short: a write the crash stopped, which no flush answered for', async () => {
    const { connectionString } = await start();
    await writeEverything(connectionString);
    const before = await storeContents(connectionString);
    await stop();
    appendFileSync(join(dataDir(), 'tables.journal.1'), '{"op":"I","c":"devstoreaccount1$peoplea","d":{"Partit');

    assert.deepEqual(await storeContents((await start()).connectionString), before);
  });

  it('refuses to start on a damaged journal line, naming the file and the line', async () => {
    const { connectionString } = await start();
    await tableOf(connectionString, 'kept').createTable();
    await stop();
    appendFileSync(join(dataDir(), 'tables.journal.1'), 'not a change\n{"op":"D","c":"x"}\n');
    const lines = readFileSync(join(dataDir(), 'tables.journal.1'), 'utf8').split('\n').length - 2;

    await assert.rejects(
      startEmbeddedTables({ dataDir: dataDir() }),
      new RegExp(`line ${lines} of tables\\.journal\\.1 is not JSON`),
    );
  });

  it('loads a folder an earlier version wrote (tables.json alone), and keeps writing to it', async () => {
    copyFileSync(join(__dirname, 'tables-written-by-azurite-autosave.json'), join(dataDir(), 'tables.json'));
    const rows = async (connectionString: string) => {
      const found: Record<string, unknown>[] = [];
      for await (const row of tableOf(connectionString, 'legacy').listEntities()) found.push(row);
      return found.map(({ partitionKey, rowKey, city, count, open }) => ({ partitionKey, rowKey, city, count, open }));
    };
    const { connectionString } = await start();

    assert.deepEqual(Object.keys(await storeContents(connectionString)), ['legacy']);
    assert.deepEqual(await rows(connectionString), [
      { partitionKey: 'p', rowKey: 'r1', city: 'Köln', count: 2, open: undefined },
      { partitionKey: 'p', rowKey: 'r2', city: 'Berlin', count: undefined, open: true },
    ]);
    await tableOf(connectionString, 'legacy').createEntity({ partitionKey: 'q', rowKey: 'r4', city: 'Dresden' });
    await tableOf(connectionString, 'legacy').deleteEntity('p', 'r2');

    assert.deepEqual(await rows((await start()).connectionString), [
      { partitionKey: 'p', rowKey: 'r1', city: 'Köln', count: 2, open: undefined },
      { partitionKey: 'q', rowKey: 'r4', city: 'Dresden', count: undefined, open: undefined },
    ]);
  });

  it('starts on an empty folder without writing a snapshot', async () => {
    await start();
    assert.deepEqual(readdirSync(dataDir()), ['tables.journal.1']);
  });
});
