import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { weeksBetween } from '../bot/domain/digestFacts';
import { DIGEST_SPAN, digestFigures } from '../bot/domain/digestMetrics';
import { DEFAULT_WORKING_HOURS } from '../bot/domain/workingHours';
import { ReferralIndexRepository, RoleRepository, tableStorage, UserRepository } from '../bot/store';
import { en } from '../bot/strings/en';
import { buildDigestCard, type DigestServices } from '../bot/teams';
import { BenchRegion, LONG_RUNNING, MANAGER, NOW, RECENT, REGION } from './digestRegion';
import { startTableServer } from './tableServer';

/**
 * A manager's digest against the size of their region's history. Every size has the same
 * present: 300 referrals of the last five weeks (a third waiting, a third accepted and
 * open, a third declined, expired, won or lost) and 200 deals accepted months ago and still
 * open, so 400 open in all. Only the history before those five weeks grows: 1,000, 10,000
 * or 100,000 referrals over the two years before, each received, answered and (if accepted)
 * won or lost. The digest reads the facts of its weeks and the open deals by partition key,
 * so the rows it reads, the time to compute its figures and the memory it takes should not
 * grow with the history (target: ratios near 1). The table server runs in a child process,
 * so the heap measured is that of building the digest. It serves a partition's rows by its
 * key, as Azure Table Storage does, so the end-to-end build should not grow with the table
 * either; filling 100,000 referrals' rows takes most of the run.
 */

const ROUNDS = 7;
const FIGURE_ROUNDS = 101;

/**
 * A garbage collection before each measurement, so the baseline is the live heap. `tsx`
 * passes `--expose-gc` only when given, so the flag is set at run time when it is missing
 * (V8 then hands out `gc` to new contexts).
 */
const collect: () => void =
  (globalThis as { gc?: () => void }).gc ??
  (() => {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  })();

interface Result {
  history: number;
  facts: number;
  /** Index rows a digest reads: the facts of its weeks and the open referrals and deals. */
  rowsRead: number;
  /** Computing the figures from those rows (the pure part), median. */
  figuresMs: number;
  medianMs: number;
  worstMs: number;
  /** The most the heap grew above the live baseline while a digest was built. */
  peakMiB: number;
  cardKiB: number;
}

async function measure(services: DigestServices, region: BenchRegion): Promise<Result> {
  const { indexes } = services;
  const weeks = weeksBetween(NOW.minus(DIGEST_SPAN), NOW);
  const [read, open] = await Promise.all([indexes.facts(REGION.code, weeks), indexes.openDeals(REGION.code)]);
  // Computing the figures takes milliseconds: many rounds, so the median is not noise.
  const figuresTimes = Array.from({ length: FIGURE_ROUNDS }, () => {
    const started = process.hrtime.bigint();
    digestFigures(read, open, NOW);
    return Number(process.hrtime.bigint() - started) / 1e6;
  }).sort((a, b) => a - b);
  const times: number[] = [];
  let peak = 0;
  let cardBytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    collect();
    const baseline = process.memoryUsage().heapUsed;
    let highest = baseline;
    // Sampled between the awaits of the build (each read of the table is one), and at its end.
    const sampler = setInterval(() => (highest = Math.max(highest, process.memoryUsage().heapUsed)), 1);
    const started = process.hrtime.bigint();
    const card = await buildDigestCard(services, MANAGER, NOW);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    highest = Math.max(highest, process.memoryUsage().heapUsed);
    clearInterval(sampler);
    if (!card) throw new Error('the bench manager got no digest');
    cardBytes = Buffer.byteLength(JSON.stringify(card));
    // The first round warms up code and connections; it is timed but not counted for memory.
    if (round > 0) peak = Math.max(peak, highest - baseline);
  }
  times.sort((a, b) => a - b);
  return {
    history: region.history,
    facts: region.facts,
    rowsRead: read.length + open.length,
    figuresMs: figuresTimes[Math.floor(FIGURE_ROUNDS / 2)],
    medianMs: times[Math.floor(ROUNDS / 2)],
    worstMs: times.at(-1)!,
    peakMiB: peak / 2 ** 20,
    cardKiB: cardBytes / 1024,
  };
}

export async function digestBenchmark(): Promise<void> {
  const sizes = [1_000, 10_000, 100_000];
  const server = await startTableServer();
  const results: Result[] = [];
  try {
    const storage = tableStorage(server.connectionString, 'benchdigest');
    await storage.ensureTables();
    const indexes = new ReferralIndexRepository(storage.client('indexes'));
    const services: DigestServices = {
      indexes,
      roles: new RoleRepository(storage.client('roles')),
      users: new UserRepository(storage.client('users')),
      regions: [REGION],
      admins: [],
      defaultHours: DEFAULT_WORKING_HOURS,
      strings: en,
    };
    const region = new BenchRegion(indexes);
    await region.writePresent();
    for (const size of sizes) {
      const started = Date.now();
      await region.growHistory(size);
      results.push(await measure(services, region));
      console.log(
        `  grew the history to ${size.toLocaleString('en')} referrals and measured in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  } finally {
    server.stop();
  }
  console.log(
    `\nManager's digest, one region, ${RECENT + LONG_RUNNING} referrals of the present (${RECENT / 3 + RECENT / 3 + LONG_RUNNING} open), median of ${ROUNDS} builds:`,
  );
  console.log(
    '  historical referrals   facts stored   rows read   figures ms   build median ms   worst ms   peak heap MiB   card KiB',
  );
  for (const r of results) {
    const cells = [
      [r.history.toLocaleString('en'), 20],
      [r.facts.toLocaleString('en'), 12],
      [r.rowsRead.toLocaleString('en'), 9],
      [r.figuresMs.toFixed(2), 10],
      [r.medianMs.toFixed(1), 15],
      [r.worstMs.toFixed(1), 8],
      [r.peakMiB.toFixed(1), 13],
      [r.cardKiB.toFixed(1), 8],
    ] as const;
    console.log(`  ${cells.map(([text, width]) => text.padStart(width)).join('   ')}`);
  }
  const [base] = results;
  for (const r of results.slice(1)) {
    const ratio = (of: (result: Result) => number) => (of(r) / of(base)).toFixed(2);
    console.log(
      `  ratio ${r.history.toLocaleString('en')} / ${base.history.toLocaleString('en')}: rows read ${ratio((x) => x.rowsRead)}, figures ${ratio((x) => x.figuresMs)}, build ${ratio((x) => x.medianMs)}, peak heap ${ratio((x) => x.peakMiB)}`,
    );
  }
  console.log(
    '  Peak heap: the most heapUsed rose above its level right after a garbage collection, sampled every millisecond during a build.',
  );
  console.log(
    '  Build: end to end on the embedded table server, which serves a partition by its key as Azure Table Storage does.',
  );
}
