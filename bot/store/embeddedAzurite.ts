import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { journalAzurite, type AzuriteTableStore, type JournaledStore } from './embeddedPersistence';
import { findRowsByKey, type AzuriteKeyedStore } from './embeddedKeys';
import { queryByPartition, type AzuriteQueryStore } from './embeddedQueries';

/**
 * Azurite's two classes the bot uses (it ships no type declarations), loaded when the embedded
 * server starts: a desk on Azure Table Storage never pays the third of a second they take.
 * Azurite loads the Application Insights SDK for telemetry of its own, which the embedded server
 * never turns on; as it loads, the SDK would subscribe its diagnostic channel to console, winston
 * and the Azure SDK, hooking every later `require` of the process and adding a tenth of a second
 * to the start. Its own switch, APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL, keeps it out, unless
 * the host set it otherwise.
 */
function azurite(): {
  TableServer: new (config: unknown) => AzuriteTableServer;
  TableConfiguration: new (...args: unknown[]) => unknown;
} {
  process.env.APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL ??= 'true';
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only when the embedded server starts, see above */
  const server = require('azurite/dist/src/table/TableServer') as {
    default: new (config: unknown) => AzuriteTableServer;
  };
  const configuration = require('azurite/dist/src/table/TableConfiguration') as {
    default: new (...args: unknown[]) => unknown;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { TableServer: server.default, TableConfiguration: configuration.default };
}

interface AzuriteTableServer {
  httpServer: Server;
  /** Azurite's table store: a LokiJS database, loaded when the server starts. */
  metadataStore: AzuriteTableStore & AzuriteQueryStore & AzuriteKeyedStore;
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

/** Azurite's documented development account: a public, well-known key, not a secret. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmbeddedTables {
  connectionString: string;
  /** Where the table server listens. */
  endpoint: string;
  /** The development account's Table endpoint, as TABLES_ACCOUNT_URL names an account (path-style). */
  accountUrl: string;
  /** Resolves once every write answered so far is on disk (at once when in memory). */
  flush: () => Promise<void>;
  /**
   * Folds the journal into a new snapshot (tables.json) now, without holding the event loop;
   * the store does so by itself once the journal outgrows the snapshot. Nothing in memory.
   */
  compact: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Where and how the embedded table server runs; each has a default. */
export interface EmbeddedTablesOptions {
  /** Where the tables persist; unset, in memory only. */
  dataDir?: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** The default: 127.0.0.1. */
  host?: string;
  /**
   * Serve over https with the certificate and private key in these PEM files, and accept
   * bearer tokens besides the account key, as Azure does for an identity. Azurite checks a
   * token's issuer, audience and lifetime, not its signature; the client sends tokens only
   * over https.
   */
  https?: { certFile: string; keyFile: string };
  /** Told when a snapshot written while running failed (nothing is lost: the journal keeps every change). */
  onSnapshotError?: (error: unknown) => void;
}

/**
 * Starts Azurite's table server inside this process, so the bot needs no cloud account.
 * With `dataDir` the tables persist there across restarts; without it they live in memory.
 * Persisted, every change goes to a journal a tenth of a second later, and `flush` makes what
 * was answered durable at once, for answers that promise a write is kept (a delivery's 202);
 * see journalAzurite for why not Azurite's own save of the whole file every five seconds.
 */
export async function startEmbeddedTables(options: EmbeddedTablesOptions = {}): Promise<EmbeddedTables> {
  const inMemory = options.dataDir === undefined;
  let dbPath = join(resolve('.'), '__azurite_memory__.json');
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    dbPath = join(resolve(options.dataDir), 'tables.json');
  }
  const host = options.host ?? '127.0.0.1';
  // Positional arguments of TableConfiguration: host, port, keepAliveTimeout, dbPath, debug log,
  // access log, access log stream, debug log path, loose, skip API version check, cert, key,
  // pwd, oauth, disable product-style URL, in-memory persistence.
  const { certFile = '', keyFile = '' } = options.https ?? {};
  const oauth = options.https ? 'basic' : undefined;
  const { TableServer, TableConfiguration } = azurite();
  const config = new TableConfiguration(
    host,
    options.port ?? 0,
    undefined,
    dbPath,
    false,
    false,
    undefined,
    undefined,
    false,
    true,
    certFile,
    keyFile,
    '',
    oauth,
    false,
    inMemory,
  );
  keepHeapNearWhatItHolds();
  const server = new TableServer(config);
  parseQueryDespiteRestify(server.httpServer);
  findRowsByKey(server.metadataStore);
  queryByPartition(server.metadataStore);
  const persisted: JournaledStore | undefined = inMemory
    ? undefined
    : journalAzurite(server.metadataStore, dirname(dbPath), { onSnapshotError: options.onSnapshotError });
  await server.start();
  const endpoint = server.getHttpServerAddress();
  const protocol = options.https ? 'https' : 'http';
  return {
    endpoint,
    accountUrl: `${endpoint}/${DEV_ACCOUNT}`,
    connectionString:
      `DefaultEndpointsProtocol=${protocol};AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=${endpoint}/${DEV_ACCOUNT};`,
    flush: async () => persisted?.flush(),
    compact: async () => persisted?.compact(),
    stop: async () => {
      await server.close();
      await persisted?.close();
    },
  };
}

/** How far past what it held after its last full collection the heap grows before the next: 10 %. */
const HEAP_GROWING_PERCENT = 10;

/**
 * The embedded store keeps every row in the process's heap (120 MiB at 10,000 referrals), and
 * each write leaves garbage beside it. V8 lets the heap grow to two or three times what a full
 * collection left before it collects again, and then keeps most of the pages it grew into
 * (the rows are scattered over them): a desk that stored 10,000 referrals held 550 MiB where
 * its rows took 120. Growing by a tenth at a time keeps it under 300 MiB, for more frequent
 * collections, mostly done beside the event loop (a bulk load took as long, and no collection
 * held it 20 ms). V8 reads the factor whenever it sets the next limit, so setting it now holds
 * from here on; a factor the host gave on node's command line stays.
 */
function keepHeapNearWhatItHolds(): void {
  if (process.execArgv.some((flag) => /^--heap[-_]growing[-_]percent/.test(flag))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * restify adds a `query()` method to every `http.IncomingMessage` in the process. Azurite's
 * Express app only parses the query string when `req.query` is unset, so with restify loaded
 * it would silently ignore `$filter`, `$top` and continuation tokens and return every row.
 * Each request gets its own unset `query`, so Express parses it as usual.
 */
function parseQueryDespiteRestify(httpServer: Server): void {
  const listeners = httpServer.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    Object.defineProperty(req, 'query', { value: undefined, writable: true, configurable: true, enumerable: true });
    for (const listener of listeners) listener(req, res);
  });
}
