import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { isStatus } from './errors';

/** Every table the bot uses, in one place. Names are `<prefix><name>` (letters and digits only). */
export const TABLES = {
  referrals: 'referrals',
  channelLinks: 'channellinks',
  conversations: 'conversations',
  cardOutbox: 'cardoutbox',
  favorites: 'favorites',
  schedule: 'schedule',
  scheduleRuns: 'scheduleruns',
  users: 'users',
  indexes: 'indexes',
  directCards: 'directcards',
  roles: 'roles',
  writeBack: 'writeback',
  partnerCenter: 'partnercenter',
  answeredInvokes: 'answeredinvokes',
} as const;

export type TableName = keyof typeof TABLES;

/** Row keys inside a referral's partition (PartitionKey = referral id). */
export const REFERRAL_ROW = 'referral';
export const historyRowKey = (revision: number): string => `event-${revision.toString().padStart(10, '0')}`;
export const HISTORY_ROW_PREFIX = 'event-';
/** The first key after every history row ('.' follows '-'). */
export const HISTORY_ROW_END = 'event.';

/** Table Storage forbids / \ # ? and control characters in keys; Teams ids may carry any of them. */
export function encodeKey(value: string): string {
  return encodeURIComponent(value);
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}

/** Where the tables live, and how to reach them. */
export interface TableStorage {
  client(table: TableName): TableClient;
  /** Creates every table that does not exist yet. */
  ensureTables(): Promise<void>;
  /** A cheap call that fails when the service is unreachable; `signal` gives up waiting for it. */
  ping(signal?: AbortSignal): Promise<void>;
  /** Resolves once every write answered so far survives the process (Azure Table Storage: at once). */
  flush(): Promise<void>;
}

/**
 * How every table call is tried again when the service fails or cannot be reached: three
 * times within about a second and a half, where the SDK would wait up to seven seconds per
 * call. A sender waiting for its delivery hears of an outage in seconds (503, deliver
 * again), not after a minute of calls each waiting out its retries; and no work is lost
 * for it, since every caller tries again at its own level: the outboxes and the scheduler
 * later, senders by delivering again, users by clicking again.
 */
export const TABLE_RETRY_OPTIONS = { maxRetries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 800 } as const;

/** How often, and after how long, a failed table call is tried again. */
export type TableRetryOptions = NonNullable<TableServiceClientOptions['retryOptions']>;

/** The tables of one account; `flush` makes answered writes durable where the store needs telling (see embeddedAzurite). */
export function tableStorage(
  connectionString: string,
  prefix = '',
  retryOptions: TableRetryOptions = TABLE_RETRY_OPTIONS,
  flush: () => Promise<void> = async () => undefined,
): TableStorage {
  const options = { allowInsecureConnection: connectionString.includes('http://'), retryOptions };
  const clients = new Map<TableName, TableClient>();
  const service = TableServiceClient.fromConnectionString(connectionString, options);
  return {
    client(table) {
      let client = clients.get(table);
      if (!client) {
        client = TableClient.fromConnectionString(connectionString, `${prefix}${TABLES[table]}`, options);
        clients.set(table, client);
      }
      return client;
    },
    async ensureTables() {
      for (const table of Object.keys(TABLES) as TableName[]) {
        try {
          await this.client(table).createTable();
        } catch (error) {
          if (!isStatus(error, 409)) throw error;
        }
      }
    },
    async ping(signal) {
      await service.listTables({ abortSignal: signal }).byPage({ maxPageSize: 1 }).next();
    },
    flush,
  };
}
