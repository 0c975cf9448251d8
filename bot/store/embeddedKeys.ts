import type { LokiCollection, LokiRow } from './embeddedLoki';

/** What of Azurite's table store a row's read and write go through. */
export interface AzuriteKeyedStore {
  getEntityCollection(account: string, table: string, context: unknown): LokiCollection;
}

/** The rows of a table by partition, then row key: what finds a row by its keys. */
type KeyMap = Map<string, Map<string, LokiRow>>;

/**
 * Makes the embedded server find a row by its keys in a map of its table's rows, as Azure
 * Table Storage finds it by its index, where Loki's findOne would take the partition's rows
 * from its sorted index and compare the row key of each: every read, insert, replace, merge
 * and delete of a row looks for it first, so a partition holding a row per referral (the open
 * deals of a region, a day's due work) made each of them cost as much as the partition is
 * large. The map is made from a table's rows when Azurite first asks for the table (after the
 * store has loaded) and kept in step by the table's inserts, updates and removals, the only
 * ways Azurite changes a table's rows.
 */
export function findRowsByKey(store: AzuriteKeyedStore): void {
  const collectionOf = store.getEntityCollection.bind(store);
  const keyed = new WeakSet<LokiCollection>();
  store.getEntityCollection = (...args) => {
    const collection = collectionOf(...args);
    if (!keyed.has(collection)) {
      keyRows(collection);
      keyed.add(collection);
    }
    return collection;
  };
}

/** Keeps a map of the collection's rows by their keys, and answers a find by both keys from it. */
function keyRows(collection: LokiCollection): void {
  const keys: KeyMap = new Map();
  for (const row of collection.data) keep(keys, row);
  const insert = collection.insert.bind(collection);
  const update = collection.update.bind(collection);
  const remove = collection.remove.bind(collection);
  const findOne = collection.findOne.bind(collection);
  // The row as the collection holds it (not a copy it may have been given or answered with).
  const held = (row: LokiRow) => collection.get(row.$loki);
  const rowsOf = (rows: unknown) => (Array.isArray(rows) ? rows : [rows]) as LokiRow[];
  collection.insert = (doc) => {
    const inserted = insert(doc);
    if (inserted) for (const row of rowsOf(inserted)) keep(keys, held(row));
    return inserted;
  };
  collection.update = (doc) => {
    update(doc);
    for (const row of rowsOf(doc)) keep(keys, held(row));
  };
  collection.remove = (doc) => {
    // Loki takes its id off a document it removes: which ones went is told by their ids before.
    const rows = (typeof doc === 'number' ? [collection.get(doc)] : rowsOf(doc)).flatMap((row) =>
      row ? [{ row, id: row.$loki }] : [],
    );
    remove(doc);
    for (const { row, id } of rows) if (!collection.get(id)) forget(keys, row);
  };
  collection.findOne = (query) => {
    const { PartitionKey, RowKey, ...rest } = (query ?? {}) as Record<string, unknown>;
    if (typeof PartitionKey !== 'string' || typeof RowKey !== 'string' || Object.keys(rest).length > 0)
      return findOne(query);
    return keys.get(PartitionKey)?.get(RowKey) ?? null;
  };
}

function keep(keys: KeyMap, row: LokiRow | null): void {
  if (!row) return;
  const { PartitionKey, RowKey } = row;
  if (typeof PartitionKey !== 'string' || typeof RowKey !== 'string') return;
  let partition = keys.get(PartitionKey);
  if (!partition) keys.set(PartitionKey, (partition = new Map<string, LokiRow>()));
  partition.set(RowKey, row);
}

function forget(keys: KeyMap, row: LokiRow): void {
  const { PartitionKey, RowKey } = row;
  if (typeof PartitionKey !== 'string' || typeof RowKey !== 'string') return;
  const partition = keys.get(PartitionKey);
  if (partition?.get(RowKey) !== row) return;
  partition.delete(RowKey);
  if (partition.size === 0) keys.delete(PartitionKey);
}
