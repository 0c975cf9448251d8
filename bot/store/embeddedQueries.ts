import type { LokiCollection } from './embeddedLoki';

/** What of Azurite's table store (LokiTableMetadataStore) a query goes through. */
export interface AzuriteQueryStore {
  getEntityCollection(account: string, table: string, context: unknown): LokiCollection;
  queryTableEntities(
    context: unknown,
    account: string,
    table: string,
    queryOptions: { filter?: string },
    ...continuation: unknown[]
  ): Promise<unknown>;
}

/**
 * Makes the embedded server answer a query within one partition from that partition's rows,
 * as Azure Table Storage does, instead of filtering every row of the table: Azurite runs a
 * query's filter over the whole table, so a referral's direct cards, its history or one word of
 * the search index cost as much as the table is large, and a growing desk slowed with its
 * store. When the filter pins the partition (`PartitionKey eq '…'` joined by `and` to the
 * rest), the query starts from the collection's sorted index on PartitionKey (which Azurite
 * keeps, and by which it finds a row by its keys); Azurite's own filter, paging and order then
 * run over those rows alone, so the answer is the one Azurite would give.
 */
export function queryByPartition(store: AzuriteQueryStore): void {
  const query = store.queryTableEntities.bind(store);
  const collectionOf = store.getEntityCollection.bind(store);
  store.queryTableEntities = (context, account, table, queryOptions, ...continuation) => {
    const partition = pinnedPartition(queryOptions.filter);
    if (partition === undefined) return query(context, account, table, queryOptions, ...continuation);
    // Azurite's query takes the collection and filters it before its first await: the view
    // stands in for the collection during that call alone.
    store.getEntityCollection = (...args) => partitionView(collectionOf(...args), partition);
    try {
      return query(context, account, table, queryOptions, ...continuation);
    } finally {
      store.getEntityCollection = collectionOf;
    }
  };
}

/** The collection as a query sees it: its rows start as those of one partition. */
function partitionView(collection: LokiCollection, partition: string): LokiCollection {
  return Object.assign(Object.create(collection) as LokiCollection, {
    chain: () => collection.chain().find({ PartitionKey: partition }),
  });
}

/** A string literal, a parenthesis, or a run of anything else but spaces. */
const TOKEN = /'(?:[^']|'')*'|[()]|[^\s()']+/g;

/**
 * The partition a query's OData filter is limited to: the value of a `PartitionKey eq '…'`
 * that every row the filter matches must meet, i.e. one of the `and`-joined terms at the top
 * of the filter (in parentheses or not). Undefined when the filter has none, or an `or` or
 * `not` at its top that could let rows of other partitions through.
 */
export function pinnedPartition(filter: string | undefined): string | undefined {
  if (!filter) return undefined;
  const terms: string[][] = [[]];
  let depth = 0;
  for (const token of filter.match(TOKEN) ?? []) {
    if (token === '(') depth++;
    if (token === ')') depth--;
    if (depth < 0) return undefined;
    const word = token.toLowerCase();
    if (depth === 0 && (word === 'or' || word === 'not')) return undefined;
    if (depth === 0 && word === 'and') terms.push([]);
    else terms[terms.length - 1].push(token);
  }
  if (depth !== 0) return undefined;
  for (const term of terms) {
    const partition = partitionOf(withoutParentheses(term));
    if (partition !== undefined) return partition;
  }
  return undefined;
}

/** `PartitionKey eq '…'`'s value, unquoted. */
function partitionOf(term: string[]): string | undefined {
  if (term.length !== 3 || term[0] !== 'PartitionKey' || term[1] !== 'eq' || !term[2].startsWith("'")) return undefined;
  return term[2].slice(1, -1).replaceAll("''", "'");
}

/** A term without the parentheses around the whole of it: `((a eq 'b'))` → `a eq 'b'`. */
function withoutParentheses(term: string[]): string[] {
  let inner = term;
  while (inner.length >= 2 && inner[0] === '(' && inner.at(-1) === ')' && closesAtEnd(inner))
    inner = inner.slice(1, -1);
  return inner;
}

/** Whether the first token's parenthesis is closed by the last token (not earlier, as in `(a) and (b)`). */
function closesAtEnd(term: string[]): boolean {
  let depth = 0;
  for (let i = 0; i < term.length; i++) {
    if (term[i] === '(') depth++;
    if (term[i] === ')') depth--;
    if (depth === 0) return i === term.length - 1;
  }
  return false;
}
