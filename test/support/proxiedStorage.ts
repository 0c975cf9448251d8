import { randomBytes } from 'node:crypto';
import { tableStorage, TABLES, type TableName, type TableStorage } from '../../bot/store/tables';
import { GatedProxy } from './gatedProxy';
import { embeddedConnectionString } from './rootHooks';

/** Tables the bot reaches through a proxy the test controls, and the same tables reached directly, for checking what is stored. */
export interface ProxiedStorage {
  proxy: GatedProxy;
  /** The settings that point a bot at the tables through the proxy. */
  env: { TABLES_CONNECTION_STRING: string; TABLE_PREFIX: string };
  /** The same tables, not through the proxy. */
  direct: TableStorage;
  stop(): Promise<void>;
}

/** Fresh tables in the shared embedded Azurite behind an open GatedProxy. */
export async function proxiedStorage(): Promise<ProxiedStorage> {
  const connectionString = embeddedConnectionString();
  const tableEndpoint = /TableEndpoint=(http:\/\/[^/;]+)/.exec(connectionString)![1];
  const proxy = new GatedProxy(tableEndpoint);
  await proxy.start();
  proxy.open();
  const prefix = `t${randomBytes(5).toString('hex')}`;
  return {
    proxy,
    env: { TABLES_CONNECTION_STRING: connectionString.replace(tableEndpoint, proxy.url), TABLE_PREFIX: prefix },
    direct: tableStorage(connectionString, prefix),
    stop: () => proxy.stop(),
  };
}

/** Every stored row, in any table, whose keys or values mention one of `texts`: `table partition/row`. */
export async function rowsMentioning(storage: TableStorage, texts: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
    for await (const row of storage.client(table).listEntities()) {
      const text = JSON.stringify(row);
      if (texts.some((t) => text.includes(t) || text.includes(encodeURIComponent(t))))
        found.push(`${table} ${row.partitionKey}/${row.rowKey}`);
    }
  }
  return found;
}
