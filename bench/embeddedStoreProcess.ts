import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { loadRegions } from '../bot/config';
import { isOpen, listedFor, summaryOf } from '../bot/domain/dealSummary';
import { factsOf } from '../bot/domain/digestFacts';
import type { HistoryEvent } from '../bot/domain/history';
import { arrival, completeReferral, type IncomingReferral } from '../bot/domain/incoming';
import type { ReferralRecord } from '../bot/domain/referral';
import { regionOf, responseFlowFor, type Region } from '../bot/domain/routing';
import { searchWordsOf } from '../bot/domain/searchTerms';
import { stageOfRecord } from '../bot/domain/stage';
import {
  type IndexUpdate,
  ReferralIndexRepository,
  ReferralRepository,
  startEmbeddedTables,
  tableStorage,
} from '../bot/store';
import { NOW } from '../test/support/fixtures';
import { benchReferral } from './support/benchReferrals';

/**
 * The embedded table server as `npm start` runs it (in the desk's process, persisting to a
 * folder), under the writes of a desk storing referrals: each referral read (not there yet),
 * its row and arrival event written (one transaction), then its index rows, eight referrals at
 * once, and every 500 referrals a flush, as a delivery's 202 asks for; the first WARM_UP are
 * not measured. Then QUIET more, one at a time. The index rows are those the desk's indexing
 * writes, without its read of the history: that read filters every row of the table on the
 * embedded server, which is a cost of its queries, not of keeping the data.
 * Beside it, in the same process, a /healthz-style server answers once a storage ping does.
 * The event loop's longest pause is measured here; the probe's latency by the parent, from outside.
 *
 * argv: the data folder, the number of referrals, and `write` or `start` (only start the store
 * on the folder and say how long that took). Tells the parent `{ url }` once listening, then
 * waits for `go`; after the writes, sends its figures. Ends when disconnected.
 */

const STORED_AT_ONCE = 8;
const DELIVERY = 500;
/** Referrals stored before the measure starts. */
const WARM_UP = 100;
/** Referrals stored one at a time after the others, a flush every QUIET_FLUSH. */
const QUIET = 300;
const QUIET_FLUSH = 50;
/** Referrals per line of the pauses' report: do they grow with the store? */
const BAND = 2_000;

async function main(): Promise<void> {
  const [dataDir, count, mode] = process.argv.slice(2);
  const startedAt = performance.now();
  const tables = await startEmbeddedTables({ dataDir });
  const startMs = performance.now() - startedAt;
  if (mode === 'start') {
    // What the stored data itself holds: the process has done nothing but load it.
    const { rss, heapUsed } = await collectedMemory();
    await tables.stop();
    process.send?.({ startMs, dataBytes: folderBytes(dataDir), rss, heapUsed });
    return;
  }
  // Ends with its parent, whenever that is (after the figures, or a benchmark stopped halfway).
  process.once('disconnect', () => {
    tables.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  const storage = tableStorage(tables.connectionString, 'bench', undefined, tables.flush);
  await storage.ensureTables();
  const server = createServer((_req, res) => {
    storage.ping().then(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
      () => res.writeHead(503).end(),
    );
  });
  const regions = loadRegions('');
  const referrals = new ReferralRepository(storage.client('referrals'));
  const indexes = new ReferralIndexRepository(storage.client('indexes'));
  let rows = 0;
  const storeOne = async (n: number) => {
    const referral = completeReferral(benchReferral(n) as unknown as IncomingReferral, undefined, NOW);
    const flow = responseFlowFor(referral.customerProfile.address.country, regions);
    const { record, event } = arrival(referral, NOW, flow);
    if (await referrals.get(referral.id)) throw new Error(`referral ${n} was stored already`);
    if (!(await referrals.create(record, event))) throw new Error(`referral ${n} was stored meanwhile`);
    const index = indexUpdateOf(record, event, regions);
    await indexes.update(referral.id, index, null);
    // The referral and its event; its rows in people's deals, open deals, search (its words and its id) and
    // facts; its index entry.
    rows += 2 + index.people.length + (index.open ? 1 : 0) + index.words.length + 1 + index.facts.length + 1;
  };

  const store = async (from: number, to: number) => {
    let next = from;
    const worker = async () => {
      while (next < to) await storeOne(next++);
    };
    await Promise.all(Array.from({ length: STORED_AT_ONCE }, worker));
    await tables.flush();
  };
  const total = Number(count);
  // Unmeasured: what runs for the first time (modules loaded, code compiled) holds the loop too.
  await store(0, Math.min(WARM_UP, total));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz` });
  await new Promise((go) => process.once('message', go));

  const rssBefore = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const working = workingPauses();
  const writing = performance.now();
  const bands: Band[] = [];
  for (let from = Math.min(WARM_UP, total); from < total;) {
    // Deliveries end at multiples of DELIVERY (the first after the warm-up is shorter), so bands end on one.
    const to = Math.min(total, (Math.floor(from / DELIVERY) + 1) * DELIVERY);
    await store(from, to);
    from = to;
    if (to % BAND !== 0 && to !== total) continue;
    bands.push({ upTo: to, pauseMs: loop.max / 1e6, workingPauseMs: working.take() });
    loop.reset();
  }
  const writeMs = performance.now() - writing;
  const burstRows = rows;
  // Then one referral at a time: a pause is then what one change costs, plus what keeping the data does.
  loop.reset();
  working.take();
  const quietSince = Date.now();
  for (let n = total; n < total + QUIET; n++) {
    await storeOne(n);
    if ((n + 1) % QUIET_FLUSH === 0) await tables.flush();
  }
  const quiet = { since: quietSince, pauseMs: loop.max / 1e6, workingPauseMs: working.take() };
  loop.disable();
  const maxGcPauseMs = working.stop();
  const { rss, heapUsed } = process.memoryUsage();
  // The memory the store holds, not garbage not collected yet (the parent starts this process with --expose-gc).
  const collected = await collectedMemory();
  process.send?.({
    rows: burstRows,
    rssBefore,
    rssCollected: collected.rss,
    externalCollected: collected.external,
    heapCollected: collected.heapUsed,
    bands,
    quiet,
    maxGcPauseMs,
    writeMs,
    rss,
    heapUsed,
    dataBytes: folderBytes(dataDir),
    files: readdirSync(dataDir).sort(),
    startMs,
  });
}

/** How long the memory a collection freed takes to go back to the system (V8 and the allocator let go of it a while later). */
const RETURNED_MS = 1_000;

/**
 * The process's memory once what is no longer used is collected and given back: a full garbage
 * collection (the parent starts this process with --expose-gc), a second, and another.
 */
async function collectedMemory(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((wait) => setTimeout(wait, RETURNED_MS));
  gc?.();
  return process.memoryUsage();
}

/** The index rows of a referral just arrived, as the desk's indexing makes them (see indexReferral). */
function indexUpdateOf(record: ReferralRecord, event: HistoryEvent, regions: readonly Region[]): IndexUpdate {
  const region = regionOf(record.referral.customerProfile.address.country, regions);
  return {
    revision: record.desk.revision,
    people: listedFor(record),
    region,
    open: isOpen(stageOfRecord(record)),
    words: searchWordsOf(record),
    factsThrough: record.desk.revision,
    summary: summaryOf(record, regions),
    facts: factsOf(record, [event], region),
  };
}

/** The longest pauses while the referrals up to `upTo` were stored (since the band before). */
interface Band {
  upTo: number;
  /** By the wall clock. */
  pauseMs: number;
  /** Counting only the time the process was on a processor (see workingPauses). */
  workingPauseMs: number;
}

/**
 * The longest pause of the event loop counting only the time this process was on a processor:
 * a tick every 10 ms, each late by the wall-clock time past its due, of which no more than the
 * processor time the main thread used meanwhile (see cpuMs).
 * Other work on the machine can keep the process waiting for a processor that long; that is
 * not the store's doing. `take` says the longest since it was last asked; `stop` ends it and
 * says the longest garbage collection meanwhile, in milliseconds.
 */
function workingPauses(): { take: () => number; stop: () => number } {
  let longest = 0;
  let longestGc = 0;
  const collections = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  collections.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let cpu = cpuMs();
  const tick = setInterval(() => {
    const now = performance.now();
    const used = cpuMs();
    longest = Math.max(longest, Math.min(now - last - 10, used - cpu));
    last = now;
    cpu = used;
  }, 10);
  return {
    take: () => {
      const taken = longest;
      longest = 0;
      return taken;
    },
    stop: () => {
      clearInterval(tick);
      collections.disconnect();
      return longestGc;
    },
  };
}

/**
 * The processor time this process's main thread has used, in ms: from /proc on Linux (in
 * steps of 10 ms), elsewhere that of the whole process (its other threads too: more than the
 * main thread's, so the pauses come out longer, never shorter).
 */
function cpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, the 12th and 13th fields after the command, in clock ticks (100 a second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
