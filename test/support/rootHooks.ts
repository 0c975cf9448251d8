import { randomBytes } from 'node:crypto';
import { startEmbeddedTables, type EmbeddedTables } from '../../bot/store/embeddedAzurite';
import { tableStorage, type TableStorage } from '../../bot/store/tables';

/** One in-memory Azurite for the whole run; each test gets its own tables by prefix. */
let tables: EmbeddedTables | undefined;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    tables = await startEmbeddedTables();
  },
  async afterAll() {
    await tables?.stop();
  },
};

export function embeddedConnectionString(): string {
  if (!tables) throw new Error('The embedded table server is not running');
  return tables.connectionString;
}

/** Fresh, empty tables under a unique prefix. */
export async function freshStorage(): Promise<{ storage: TableStorage; prefix: string }> {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const storage = tableStorage(embeddedConnectionString(), prefix);
  await storage.ensureTables();
  return { storage, prefix };
}
