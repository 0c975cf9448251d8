import { fork } from 'node:child_process';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DateTime } from 'luxon';
import type { DealSummary } from '../bot/domain/dealSummary';
import { weeksBetween, type FactKind, type ReferralFact } from '../bot/domain/digestFacts';
import { DIGEST_SPAN, digestFigures } from '../bot/domain/digestMetrics';
import type { Region } from '../bot/domain/routing';
import { DEFAULT_WORKING_HOURS } from '../bot/domain/workingHours';
import { ReferralIndexRepository, type IndexUpdate, RoleRepository, tableStorage, UserRepository } from '../bot/store';
import { en } from '../bot/strings/en';
import { buildDigestCard, type DigestServices } from '../bot/teams';

/**
 * A manager's digest against the size of their region's history. Every size has the same
 * present: 300 referrals of the last five weeks (a third waiting, a third accepted and
 * open, a third declined, expired, won or lost) and 200 deals accepted months ago and still
 * open, so 400 open in all. Only the history before those five weeks grows: 1,000, 10,000
 * or 100,000 referrals over the two years before, each received, answered and (if accepted)
 * won or lost. The digest reads the facts of its weeks and the open deals by partition key,
 * so the rows it reads, the time to compute its figures and the memory it takes should not
 * grow with the history (target: ratios near 1). The table server runs in a child process,
 * so the heap measured is that of building the digest. It is the emulator: its partition
 * queries filter every row of the table and its upserts scan the partition they write to,
 * so the end-to-end build time grows with the table, and filling 100,000 referrals' rows
 * takes most of the run.
 */

const NOW = DateTime.fromISO('2026-11-23T09:00:00.000Z', { zone: 'utc' });
const REGION: Region = {
  code: 'emea',
  name: 'Europe, Middle East and Africa',
  countries: ['DE'],
  managers: ['aad-bench-manager'],
};
const MANAGER = { id: 'aad-bench-manager', name: 'Bench Manager' };
const REPS = Array.from({ length: 25 }, (_, i) => ({ id: `aad-rep-${i}`, name: `Rep ${i}` }));
const RECENT = 300;
const LONG_RUNNING = 200;
const ROUNDS = 7;
const FIGURE_ROUNDS = 101;
const PARALLEL_WRITES = 64;
/** What became of the referrals that are closed: as many won and lost as declined and expired together. */
const FATES = ['declined', 'expired', 'won', 'lost', 'won', 'lost'] as const;

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

/** A deterministic stand-in for randomness, so every run fills the same region. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Referral {
  id: string;
  facts: ReferralFact[];
  summary: DealSummary;
  open: boolean;
}

/** A referral of the region and its facts; those from `until` on have not happened yet. */
function referral(
  id: string,
  created: DateTime,
  fate: 'waiting' | 'open' | 'declined' | 'expired' | 'won' | 'lost',
  random: () => number,
  until = NOW,
): Referral {
  const rep = REPS[Math.floor(random() * REPS.length)];
  const value = Math.round(5_000 + random() * 95_000);
  const currency = random() < 0.7 ? 'EUR' : 'USD';
  const facts: ReferralFact[] = [];
  const add = (kind: FactKind, at: DateTime, extra: Partial<ReferralFact> = {}) => {
    if (at < until)
      facts.push({ referralId: id, revision: facts.length + 1, region: REGION.code, kind, at: at.toISO()!, ...extra });
  };
  add('received', created);
  const answered = created.plus({ minutes: Math.round(10 + random() * 3_000) });
  const firstResponseMinutes = Math.round(answered.diff(created).as('minutes'));
  if (fate === 'expired') add('expired', created.plus({ days: 14 }));
  else if (fate === 'declined') add('declined', answered, { by: rep, firstResponseMinutes });
  else if (fate !== 'waiting') add('accepted', answered, { by: rep, firstResponseMinutes });
  const closed = answered.plus({ days: 30 + Math.round(random() * 60) });
  if (fate === 'won') add('won', closed, { by: rep, value, currency });
  if (fate === 'lost') add('lost', closed, { by: rep });
  const open = fate === 'waiting' || fate === 'open';
  const summary: DealSummary = {
    referralId: id,
    region: REGION.code,
    stage: fate === 'waiting' ? 'received' : fate === 'open' ? 'accepted' : fate,
    name: `Deal ${id}`,
    customer: `Customer ${id}`,
    value,
    currency,
    percent: fate === 'open' ? [10, 20, 40, 60, 80][Math.floor(random() * 5)] : 10,
    ...(fate === 'waiting'
      ? { deadline: created.plus({ days: 14 }).toISO()! }
      : {
          closing: created
            .plus({ days: 20 + Math.round(random() * 120) })
            .startOf('day')
            .toISO()!,
          owner: rep,
        }),
  };
  return { id, facts, summary, open };
}

/**
 * The region as the bot's indexing would have left it, written through the index
 * repository: its present once, as every change writes it, then its history's facts grown
 * in steps, so each size is the one before with more history.
 */
class BenchRegion {
  facts = 0;
  history = 0;
  private readonly past = sequence(2);
  private readonly historyEnds = NOW.minus(DIGEST_SPAN).startOf('week');

  constructor(private readonly indexes: ReferralIndexRepository) {}

  /** The same present for every size: the last five weeks' referrals and the long-running deals. */
  async writePresent(): Promise<void> {
    const present = sequence(1);
    const made: Referral[] = [];
    for (let i = 0; i < RECENT; i++) {
      const fate = (['waiting', 'open', FATES[i % FATES.length]] as const)[i % 3];
      made.push(
        referral(`recent-${i}`, NOW.minus({ minutes: 60 + present() * DIGEST_SPAN.as('minutes') }), fate, present),
      );
    }
    for (let i = 0; i < LONG_RUNNING; i++)
      made.push(referral(`running-${i}`, NOW.minus({ days: 60 + present() * 300 }), 'open', present));
    await this.write(made);
  }

  /** History up to `size` referrals, spread over the two years before the first week a digest reads. */
  async growHistory(size: number): Promise<void> {
    const start = NOW.minus({ years: 2 });
    const span = this.historyEnds.diff(start).as('minutes');
    const started = Date.now();
    while (this.history < size) {
      const batch: Referral[] = [];
      for (; this.history < size && batch.length < 10_000; this.history++) {
        const i = this.history;
        batch.push(
          referral(
            `history-${i}`,
            start.plus({ minutes: this.past() * span }),
            FATES[i % FATES.length],
            this.past,
            this.historyEnds,
          ),
        );
      }
      // Closed long ago: only their facts are read by a digest.
      await this.indexes.addFacts(batch.flatMap((r) => r.facts));
      this.facts += batch.reduce((sum, r) => sum + r.facts.length, 0);
      console.log(
        `    history: ${this.history.toLocaleString('en')} referrals written (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }

  /** Through the index repository, as every change writes it. */
  private async write(referrals: Referral[]): Promise<void> {
    const one = async (r: Referral) => {
      this.facts += r.facts.length;
      const update: IndexUpdate = {
        revision: r.facts.length,
        people: [],
        region: REGION.code,
        open: r.open,
        terms: [],
        factsThrough: r.facts.length,
        summary: r.summary,
        facts: r.facts,
      };
      await this.indexes.update(r.id, update, null);
    };
    for (let i = 0; i < referrals.length; i += PARALLEL_WRITES)
      await Promise.all(referrals.slice(i, i + PARALLEL_WRITES).map(one));
  }
}

/** An embedded table server in a child process: the measured heap is the digest's alone. */
async function startTableServer(): Promise<{ connectionString: string; stop(): void }> {
  const child = fork(join(__dirname, 'tableServerProcess.ts'));
  const connectionString = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { connectionString: string }).connectionString));
    child.once('exit', (code) => reject(new Error(`the table server ended (${code})`)));
  });
  return { connectionString, stop: () => child.disconnect() };
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
    '  Build: end to end on the embedded table server, whose partition queries filter every row of the table (Azure Table',
  );
  console.log(
    '  Storage serves a partition by its key), so its time grows with the table while the rows read stay the same.',
  );
}
