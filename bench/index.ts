import { acceptBenchmark } from './accept.bench';
import { digestBenchmark } from './digest.bench';
import { embeddedStoreBenchmark } from './embeddedStore.bench';
import { fanoutBenchmark } from './fanout.bench';
import { schedulerBenchmark } from './scheduler.bench';
import { startBenchmark } from './start.bench';

/** `npm run bench`: every benchmark, printing measured figures and ratios. */
async function main(): Promise<void> {
  console.log('Scheduler benchmark');
  await schedulerBenchmark();
  console.log('\nDigest benchmark');
  await digestBenchmark();
  console.log('\nStart benchmark');
  await startBenchmark();
  console.log('\nEmbedded store benchmark');
  await embeddedStoreBenchmark();
  console.log('\nFan-out benchmark');
  await fanoutBenchmark();
  console.log('\nAccept and ingest benchmark');
  await acceptBenchmark();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
