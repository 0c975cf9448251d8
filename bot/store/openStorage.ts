import type * as Identity from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { TablesSettings } from '../config';
import type { Logger } from '../log';
import { startEmbeddedTables } from './embeddedAzurite';
import {
  accountTableStorage,
  tableStorage,
  type TableRetryOptions,
  type TableStorage,
  type TableTlsOptions,
} from './tables';

/** How the desk reaches an account beyond its settings; tests shorten retries, bring their own identity and trust. */
export interface StorageAccess {
  retries?: TableRetryOptions;
  /** Signs in for TABLES_ACCOUNT_URL; by default DefaultAzureCredential (with AZURE_CLIENT_ID's identity, if set). */
  credential?: TokenCredential;
  /** Whom to trust for https to the account; by default Node's bundled root certificates. */
  tlsOptions?: TableTlsOptions;
}

/** The desk's storage, not yet checked: what /healthz calls it, and how to stop it. */
export interface OpenedStorage {
  storage: TableStorage;
  kind: 'azure' | 'embedded';
  stop: () => Promise<void>;
}

/**
 * The tables the settings name, with one log line saying which and how the desk signs in
 * (never a key or token): an account by connection string or by the host's Azure identity,
 * else a table server started inside the desk.
 */
export async function openStorage(
  tables: TablesSettings,
  prefix: string,
  access: StorageAccess,
  log: Logger,
): Promise<OpenedStorage> {
  const stop = async () => undefined;
  switch (tables.kind) {
    case 'connectionString': {
      const target = connectionStringTarget(tables.connectionString);
      log.info(`table storage: ${target}, with the account key of TABLES_CONNECTION_STRING`);
      return { storage: tableStorage(tables.connectionString, prefix, access.retries), kind: 'azure', stop };
    }
    case 'accountUrl': {
      const { url, managedIdentityClientId } = tables;
      const credential = access.credential ?? hostIdentity(managedIdentityClientId);
      log.info(`table storage: ${url}, signed in as ${identityOf(access.credential, managedIdentityClientId)}`);
      const options = { prefix, retryOptions: access.retries, tlsOptions: access.tlsOptions };
      const storage = accountTableStorage(url, credential, options);
      return { storage, kind: 'azure', stop };
    }
    case 'embedded': {
      const onSnapshotError = (error: unknown) =>
        log.error('embedded table storage: writing its snapshot failed (its journal keeps every change)', error);
      const embedded = await startEmbeddedTables({ dataDir: tables.dataDir, onSnapshotError });
      const data = tables.dataDir ? `in ${tables.dataDir}` : 'in memory only';
      log.info(`embedded table storage at ${embedded.endpoint}, data ${data}`);
      const storage = tableStorage(embedded.connectionString, prefix, access.retries, embedded.flush);
      return { storage, kind: 'embedded', stop: embedded.stop };
    }
  }
}

/**
 * The host's Azure identity (DefaultAzureCredential). @azure/identity is loaded only here, when the
 * settings name an account by its URL: the other starts never pay the tenth of a second it takes.
 */
function hostIdentity(managedIdentityClientId: string | undefined): TokenCredential {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for TABLES_ACCOUNT_URL, see above
  const { DefaultAzureCredential } = require('@azure/identity') as typeof Identity;
  return new DefaultAzureCredential({ managedIdentityClientId });
}

/** Who the desk is to the account, for the start-up log: `given`, or else the host's identity. */
function identityOf(given: TokenCredential | undefined, managedIdentityClientId: string | undefined): string {
  if (given) return `the identity of ${given.constructor?.name || 'the given credential'}`;
  if (managedIdentityClientId) {
    return `the user-assigned managed identity ${managedIdentityClientId} (AZURE_CLIENT_ID, DefaultAzureCredential)`;
  }
  return "the host's Azure identity (DefaultAzureCredential: managed identity, workload identity or developer sign-in)";
}

/** The Table endpoint a connection string names, without its key. */
function connectionStringTarget(connectionString: string): string {
  const parts = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const endpoint = parts.get('tableendpoint');
  if (endpoint) return endpoint;
  const account = parts.get('accountname');
  if (!account) return 'the account of TABLES_CONNECTION_STRING';
  const protocol = parts.get('defaultendpointsprotocol') ?? 'https';
  return `${protocol}://${account}.table.${parts.get('endpointsuffix') ?? 'core.windows.net'}`;
}
