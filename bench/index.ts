import { digestBenchmark } from './digest.bench';
import { schedulerBenchmark } from './scheduler.bench';

/** `npm run bench`: every benchmark, printing measured figures and ratios. */
async function main(): Promise<void> {
  console.log('Scheduler benchmark');
  await schedulerBenchmark();
  console.log('\nDigest benchmark');
  await digestBenchmark();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
