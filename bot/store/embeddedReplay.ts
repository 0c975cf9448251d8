import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { parseChange, type Change } from './embeddedChanges';
import { reindex, type LokiCollection, type LokiDb, type LokiRow } from './embeddedLoki';

/**
 * Loads the database file Loki (or writeSnapshot) wrote into `db`, as Azurite's own start
 * did; nothing when there is none yet. A file of writeSnapshot leaves its sorted indexes to
 * rebuild (they would be out of date with the rows it took as they changed): they are
 * rebuilt here, before the server answers, not at a first query.
 */
export function loadSnapshot(db: LokiDb, path: string): void {
  if (!existsSync(path)) return;
  db.loadJSONObject(JSON.parse(readFileSync(path, 'utf8')), {});
  for (const collection of db.collections) {
    if (Object.values(collection.binaryIndices).some((index) => index.dirty)) reindex(collection);
    else collection.ensureId();
  }
}

/**
 * Applies every change of the journal files, in order, to `db`; how many there were.
 *
 * Each change sets the state it names (a document as it was, a document gone, a collection
 * new and empty), so replaying a change the snapshot already holds changes nothing, and what
 * a document ends as is what the last change of it says. That lets the snapshot be taken while
 * the store keeps changing (what it holds of each document is at least as new as the journal's
 * start), and lets start-up replay again journals a crash kept from being deleted after the
 * snapshot that holds them was written.
 *
 * A journal's last line without its newline is a write cut short (by a crash): no flush
 * answered for it, so it is left out. Any other line that is not a change is an error.
 */
export function replayJournals(db: LokiDb, paths: readonly string[]): number {
  const replay = new Replay(db);
  let count = 0;
  for (const path of paths) {
    let number = 0;
    for (const line of completeLines(path)) {
      number++;
      if (!line) continue;
      replay.apply(parseChange(line, `line ${number} of ${basename(path)}`));
      count++;
    }
  }
  replay.finish();
  return count;
}

/**
 * Changes applied to the documents of each collection they touch, by id; written into the
 * collections at the end. A change of a collection that is not there is one the journal removes
 * later: the collection was there when the journal started (or its addition would come first),
 * so a snapshot without it was taken after its removal.
 */
class Replay {
  private readonly rows = new Map<LokiCollection, Map<number, LokiRow>>();
  /** Collections changed while not there, until the journal removes them. */
  private readonly missing = new Set<string>();

  constructor(private readonly db: LokiDb) {}

  apply(change: Change): void {
    if (change.op === 'A' || change.op === 'D') {
      this.missing.delete(change.c);
      // Added again on a replay: all its changes since follow, so it starts empty again.
      this.db.removeCollection(change.c);
      if (change.op === 'A') this.rows.set(this.db.addCollection(change.c, change.o), new Map());
      return;
    }
    const collection = this.db.collections.find((c) => c.name === change.c);
    if (!collection) {
      this.missing.add(change.c);
      return;
    }
    const rows = this.rowsOf(collection);
    if (change.op === 'R') {
      rows.delete(change.id);
      return;
    }
    rows.set(change.d.$loki, change.d);
    collection.maxId = Math.max(collection.maxId, change.d.$loki);
  }

  /** Writes the documents into every collection touched that is still there, in id order, and rebuilds its indexes. */
  finish(): void {
    if (this.missing.size > 0) {
      const names = [...this.missing].join(', ');
      throw new Error(`the embedded store's journal changes ${names}, which neither tables.json nor the journal has`);
    }
    for (const [collection, rows] of this.rows) {
      if (!this.db.collections.includes(collection)) continue;
      collection.data = [...rows.values()].sort((a, b) => a.$loki - b.$loki);
      reindex(collection);
    }
  }

  private rowsOf(collection: LokiCollection): Map<number, LokiRow> {
    let rows = this.rows.get(collection);
    if (!rows) {
      rows = new Map(collection.data.map((row) => [row.$loki, row]));
      this.rows.set(collection, rows);
    }
    return rows;
  }
}

const BLOCK_BYTES = 16 * 2 ** 20;
const NEWLINE = 0x0a;

/** The lines of a file that end with a newline, a block at a time (a journal may be larger than a string can be). */
function* completeLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let carried = Buffer.alloc(0);
    const block = Buffer.alloc(BLOCK_BYTES);
    for (;;) {
      const read = readSync(fd, block, 0, BLOCK_BYTES, null);
      if (read === 0) return;
      // A newline byte is never part of a longer UTF-8 character, so lines split on bytes.
      const bytes = carried.length ? Buffer.concat([carried, block.subarray(0, read)]) : block.subarray(0, read);
      let start = 0;
      for (let end = bytes.indexOf(NEWLINE); end >= 0; end = bytes.indexOf(NEWLINE, start)) {
        yield bytes.toString('utf8', start, end);
        start = end + 1;
      }
      carried = Buffer.from(bytes.subarray(start));
    }
  } finally {
    closeSync(fd);
  }
}
