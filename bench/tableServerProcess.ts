import { startEmbeddedTables } from '../bot/store';
import { CountingProxy } from './support/countingProxy';

/**
 * The embedded table server in a process of its own, for benchmarks: it gets a core of its
 * own, and its memory stays out of the measured process's heap. In front of it, a proxy
 * notes every request, so a benchmark counts storage calls from outside the measured process.
 * Tells its parent the connection string (through the proxy); asked `calls`, it sends the
 * calls noted since it was last asked; asked `cpu`, the processor time it has used. Ends when
 * the parent does.
 */
async function main(): Promise<void> {
  const tables = await startEmbeddedTables({});
  const proxy = new CountingProxy(tables.endpoint);
  await proxy.start();
  process.on('message', (message) => {
    if (message === 'calls') process.send?.({ calls: proxy.calls.splice(0) });
    if (message === 'cpu') process.send?.({ cpuMicros: cpuMicros() });
  });
  process.send?.({ connectionString: tables.connectionString.replace(tables.endpoint, proxy.url) });
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
process.on('disconnect', () => process.exit(0));
