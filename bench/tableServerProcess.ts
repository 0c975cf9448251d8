import { startEmbeddedTables } from '../bot/store';

/**
 * The embedded table server in a process of its own, for benchmarks: it gets a core of its
 * own, and its memory stays out of the measured process's heap. Tells its parent the
 * connection string, and ends when the parent does.
 */
startEmbeddedTables({}).then(
  (tables) => process.send?.({ connectionString: tables.connectionString }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('disconnect', () => process.exit(0));
