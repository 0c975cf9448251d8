import { startEmbeddedTables } from '../../bot/store/embeddedAzurite';

/**
 * The embedded table server with its data in the folder argv names, in a process of its own
 * (see StoreProcess), so that a test can kill it as a crash would. Tells its parent the
 * connection string once listening; asked `flush` or `compact`, does it and answers with the
 * same word (or `failed: …`).
 */
async function main(): Promise<void> {
  const tables = await startEmbeddedTables({ dataDir: process.argv[2] });
  process.on('message', (message) => {
    const run = message === 'flush' ? tables.flush() : message === 'compact' ? tables.compact() : undefined;
    run?.then(
      () => process.send?.(message),
      (error: unknown) => process.send?.(`failed: ${String(error)}`),
    );
  });
  process.send?.({ connectionString: tables.connectionString });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
