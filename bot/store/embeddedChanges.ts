import type { LokiCollection, LokiDb, LokiRow } from './embeddedLoki';

/**
 * One change of the embedded store's database, as a line of its journal:
 * a document inserted (`I`) or updated (`U`) whole, as it then was; a document removed (`R`),
 * by id; a collection added (`A`) with the options it was made with, or removed (`D`).
 * Each says the state it leaves, not how to get there, so that applying a change again
 * changes nothing (see embeddedReplay).
 */
export type Change =
  | { op: 'I' | 'U'; c: string; d: LokiRow }
  | { op: 'R'; c: string; id: number }
  | { op: 'A'; c: string; o: object }
  | { op: 'D'; c: string };

/**
 * Hands `record` a journal line (JSON, no newline) for every change of `db` from now on,
 * when it is made: Loki's changes API calls `createChange` at every insert, update and
 * removal of a watched collection, with the document as it is stored; collections added
 * later are watched too. A document is written out at once, whole, because Azurite keeps
 * changing the objects it stored (a merge spreads the old one into the new).
 */
export function captureChanges(db: LokiDb, record: (line: string) => void): void {
  const watch = (collection: LokiCollection) => {
    collection.disableChangesApi = false;
    collection.createChange = (name, operation, row) => {
      const c = JSON.stringify(name);
      record(
        operation === 'R'
          ? `{"op":"R","c":${c},"id":${row.$loki}}`
          : `{"op":${JSON.stringify(operation)},"c":${c},"d":${JSON.stringify(row)}}`,
      );
    };
  };
  db.collections.forEach(watch);
  const exists = (name: string) => db.collections.some((collection) => collection.name === name);
  const addCollection = db.addCollection.bind(db);
  const removeCollection = db.removeCollection.bind(db);
  db.addCollection = (name, options) => {
    // Loki answers an existing collection when asked to add it again: no change then.
    const existed = exists(name);
    const collection = addCollection(name, options);
    if (!existed) {
      record(JSON.stringify({ op: 'A', c: name, o: options ?? {} }));
      watch(collection);
    }
    return collection;
  };
  db.removeCollection = (name) => {
    if (exists(name)) record(JSON.stringify({ op: 'D', c: name }));
    removeCollection(name);
  };
}

/** The change a journal line holds; `where` names the line in the error a line of another kind gets. */
export function parseChange(line: string, where: string): Change {
  let change: Partial<Record<'op' | 'c' | 'd' | 'id' | 'o', unknown>>;
  try {
    change = JSON.parse(line) as typeof change;
  } catch {
    throw new Error(`${where} is not JSON: the embedded store's journal is damaged`);
  }
  const valid =
    typeof change?.c === 'string' &&
    (((change.op === 'I' || change.op === 'U') && typeof (change.d as LokiRow | undefined)?.$loki === 'number') ||
      (change.op === 'R' && typeof change.id === 'number') ||
      (change.op === 'A' && typeof change.o === 'object') ||
      change.op === 'D');
  if (!valid) throw new Error(`${where} is not a change of the embedded store: "${line.slice(0, 80)}"`);
  return change as Change;
}
