import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { isStatus, StorageSignInError } from './errors';

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
  partnerCenterGrant: 'partnercentergrant',
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

/** Deletes a row; `false` when it was not there (deleting what is gone is done, not an error). */
export async function deleteIfPresent(table: TableClient, partitionKey: string, rowKey: string): Promise<boolean> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
    return true;
  } catch (error) {
    if (isStatus(error, 404)) return false;
    throw error;
  }
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

/** Which certificates a client trusts for https to the table service (tests trust their own server's). */
export type TableTlsOptions = NonNullable<TableServiceClientOptions['tlsOptions']>;

/** The tables of one account; `flush` makes answered writes durable where the store needs telling (see embeddedAzurite). */
export function tableStorage(
  connectionString: string,
  prefix = '',
  retryOptions: TableRetryOptions = TABLE_RETRY_OPTIONS,
  flush: () => Promise<void> = async () => undefined,
): TableStorage {
  const options = { allowInsecureConnection: connectionString.includes('http://'), retryOptions };
  return storageOf(
    TableServiceClient.fromConnectionString(connectionString, options),
    (name) => TableClient.fromConnectionString(connectionString, name, options),
    prefix,
    flush,
  );
}

/** How {@link accountTableStorage} reaches the account, beside its URL and credential. */
export interface AccountTableOptions {
  prefix?: string;
  retryOptions?: TableRetryOptions;
  /** Whom to trust for https; the default: Node's bundled root certificates. */
  tlsOptions?: TableTlsOptions;
}

/**
 * The tables of the account at `accountUrl` (its Table endpoint), reached with the tokens of
 * `credential`, which the role Storage Table Data Contributor lets read, write and create
 * tables. A credential that fails, or gives no token, fails the call with StorageSignInError.
 */
export function accountTableStorage(
  accountUrl: string,
  credential: TokenCredential,
  options: AccountTableOptions = {},
): TableStorage {
  const signIn = reportingSignIn(credential);
  const clientOptions = { retryOptions: options.retryOptions ?? TABLE_RETRY_OPTIONS, tlsOptions: options.tlsOptions };
  return storageOf(
    new TableServiceClient(accountUrl, signIn, clientOptions),
    (name) => new TableClient(accountUrl, name, signIn, clientOptions),
    options.prefix ?? '',
    async () => undefined,
  );
}

/** The credential, with its failures (and an answer without a token) turned into StorageSignInError. */
function reportingSignIn(credential: TokenCredential): TokenCredential {
  const name = credential.constructor?.name || 'credential';
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      let token: AccessToken | null;
      try {
        token = await credential.getToken(scopes, options);
      } catch (error) {
        throw new StorageSignInError(name, error);
      }
      if (!token) throw new StorageSignInError(name, 'it gave no token');
      return token;
    },
  };
}

function storageOf(
  service: TableServiceClient,
  clientFor: (tableName: string) => TableClient,
  prefix: string,
  flush: () => Promise<void>,
): TableStorage {
  const clients = new Map<TableName, TableClient>();
  return {
    client(table) {
      let client = clients.get(table);
      if (!client) {
        client = clientFor(`${prefix}${TABLES[table]}`);
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
