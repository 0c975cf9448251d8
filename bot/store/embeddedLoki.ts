/*
 * The parts of LokiJS, the in-memory database under Azurite's table server, that the embedded
 * store's journal uses (LokiJS ships no type declarations). Azurite keeps one Loki database:
 * a collection per table (`<account>$<table>`), one for the list of tables and one for the
 * service properties; a row of a table is a document whose `$loki` id its collection gives it.
 */

/** A document of a collection: Azurite's entity, with Loki's id and bookkeeping. */
export interface LokiRow {
  $loki: number;
  [field: string]: unknown;
}

/** A sorted index of a collection by one field: positions in `data`. */
export interface LokiBinaryIndex {
  name: string;
  dirty: boolean;
  values: number[];
}

export interface LokiCollection {
  name: string;
  /** The documents, in the order of their ids. */
  data: LokiRow[];
  /** The ids of `data`, position for position; null until built. */
  idIndex: number[] | null;
  /** The last id given: the next document gets the one after. */
  maxId: number;
  binaryIndices: Record<string, LokiBinaryIndex>;
  uniqueNames: string[];
  constraints: { unique: Record<string, unknown>; exact: Record<string, unknown> };
  /** False: Loki calls `createChange` for every insert, update and removal. */
  disableChangesApi: boolean;
  createChange(name: string, operation: string, row: LokiRow): void;
  get(id: number): LokiRow | null;
  ensureId(): void;
  ensureAllIndexes(force?: boolean): void;
  ensureUniqueIndex(field: string): unknown;
  insert(doc: object | object[]): LokiRow | LokiRow[] | undefined;
  /** Replaces a document (or each of several) by its id. */
  update(doc: LokiRow | LokiRow[]): void;
  /** Removes a document (or each of several), or the one with an id. */
  remove(doc: LokiRow | LokiRow[] | number): void;
  /** The first document that matches a Mongo-style query, or null. */
  findOne(query?: object): LokiRow | null;
  /** A query over the collection, narrowed step by step. */
  chain(): LokiResultset;
}

/** A query's rows so far (Loki's Resultset). */
export interface LokiResultset {
  /** Keeps the rows that match a Mongo-style query; the first step of a chain uses a sorted index where there is one. */
  find(query: object): LokiResultset;
}

export interface LokiDb {
  collections: LokiCollection[];
  autosave: boolean;
  addCollection(name: string, options?: object): LokiCollection;
  removeCollection(name: string): void;
  /** Replaces every collection by those of a database as its JSON file holds it. */
  loadJSONObject(database: unknown, options: object): void;
  /** How Loki leaves out what is not data when it writes its file (a JSON.stringify replacer). */
  serializeReplacer(this: void, key: string, value: unknown): unknown;
  autosaveDisable(): void;
}

/** Rebuilds a collection's id index, sorted indexes and unique constraints from its `data`. */
export function reindex(collection: LokiCollection): void {
  collection.idIndex = null;
  collection.ensureId();
  collection.ensureAllIndexes(true);
  collection.constraints.unique = {};
  for (const field of collection.uniqueNames) collection.ensureUniqueIndex(field);
}
