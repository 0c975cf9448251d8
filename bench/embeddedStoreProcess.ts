import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadRegions } from '../bot/config';
import { isOpen, listedFor, summaryOf } from '../bot/domain/dealSummary';
import { factsOf } from '../bot/domain/digestFacts';
import type { HistoryEvent } from '../bot/domain/history';
import { arrival, completeReferral, type IncomingReferral } from '../bot/domain/incoming';
import type { ReferralRecord } from '../bot/domain/referral';
import { regionOf, responseFlowFor, type Region } from '../bot/domain/routing';
import { searchTermsOf } from '../bot/domain/searchTerms';
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
 * once, and every 500 referrals a flush, as a delivery's 202 asks for. The index rows are those
 * the desk's indexing writes, without its read of the history: that read filters every row of
 * the table on the embedded server, which is a cost of its queries, not of keeping the data.
 * Beside it, in the same process, a /healthz-style server answers once a storage ping does.
 * The event loop's longest pause is measured here; the probe's latency by the parent, from outside.
 *
 * argv: the data folder, the number of referrals, and `write` or `start` (only start the store
 * on the folder and say how long that took). Tells the parent `{ url }` once listening, then
 * waits for `go`; after the writes, sends its figures and waits to be disconnected.
 */

const STORED_AT_ONCE = 8;
const DELIVERY = 500;

async function main(): Promise<void> {
  const [dataDir, count, mode] = process.argv.slice(2);
  const startedAt = performance.now();
  const tables = await startEmbeddedTables({ dataDir });
  const startMs = performance.now() - startedAt;
  if (mode === 'start') {
    await tables.stop();
    process.send?.({ startMs, dataBytes: folderBytes(dataDir) });
    return;
  }
  const storage = tableStorage(tables.connectionString, 'bench', undefined, tables.flush);
  await storage.ensureTables();
  const server = createServer((_req, res) => {
    storage.ping().then(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'),
      () => res.writeHead(503).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz` });
  await new Promise((go) => process.once('message', go));

  const regions = loadRegions('');
  const referrals = new ReferralRepository(storage.client('referrals'));
  const indexes = new ReferralIndexRepository(storage.client('indexes'));
  const storeOne = async (n: number) => {
    const referral = completeReferral(benchReferral(n) as unknown as IncomingReferral, undefined, NOW);
    const flow = responseFlowFor(referral.customerProfile.address.country, regions);
    const { record, event } = arrival(referral, NOW, flow);
    if (await referrals.get(referral.id)) throw new Error(`referral ${n} was stored already`);
    if (!(await referrals.create(record, event))) throw new Error(`referral ${n} was stored meanwhile`);
    await indexes.update(referral.id, indexUpdateOf(record, event, regions), null);
  };

  const rssBefore = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const writing = performance.now();
  const total = Number(count);
  for (let from = 0; from < total; from += DELIVERY) {
    const to = Math.min(total, from + DELIVERY);
    let next = from;
    const worker = async () => {
      while (next < to) await storeOne(next++);
    };
    await Promise.all(Array.from({ length: STORED_AT_ONCE }, worker));
    await tables.flush();
  }
  const writeMs = performance.now() - writing;
  loop.disable();
  const { rss, heapUsed } = process.memoryUsage();
  // The memory the store holds, not garbage not collected yet (the parent starts this process with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const collected = process.memoryUsage();
  process.send?.({
    rssBefore,
    rssCollected: collected.rss,
    externalCollected: collected.external,
    heapCollected: collected.heapUsed,
    maxPauseMs: loop.max / 1e6,
    p99PauseMs: loop.percentile(99) / 1e6,
    writeMs,
    rss,
    heapUsed,
    dataBytes: folderBytes(dataDir),
    files: readdirSync(dataDir).sort(),
    startMs,
  });
  process.once('disconnect', () => {
    server.close();
    tables.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

/** The index rows of a referral just arrived, as the desk's indexing makes them (see indexReferral). */
function indexUpdateOf(record: ReferralRecord, event: HistoryEvent, regions: readonly Region[]): IndexUpdate {
  const region = regionOf(record.referral.customerProfile.address.country, regions);
  return {
    revision: record.desk.revision,
    people: listedFor(record),
    region,
    open: isOpen(stageOfRecord(record)),
    terms: searchTermsOf(record),
    factsThrough: record.desk.revision,
    summary: summaryOf(record, regions),
    facts: factsOf(record, [event], region),
  };
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
