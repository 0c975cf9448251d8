import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The embedded table store under load, persisting to a folder as `npm start` does: the
 * longest pause of its process's event loop while a desk stores referrals (target: none over
 * 100 ms, so no whole-file save on the way), the latency of a /healthz-style probe asked from
 * outside every PROBE_EVERY_MS meanwhile, and the process's resident memory after (target at
 * most 300 MiB). Then how long the store takes to start again on what was written.
 * The store and its writer run in a process of their own (embeddedStoreProcess.ts), so that
 * nothing else of the benchmarks sits in the measured heap.
 */

const REFERRALS = Number(process.env.BENCH_STORE_REFERRALS ?? 10_000);
const PAUSE_TARGET_MS = 100;
const RSS_TARGET_MIB = 300;
const PROBE_EVERY_MS = 20;

interface Figures {
  maxPauseMs: number;
  p99PauseMs: number;
  writeMs: number;
  rss: number;
  heapUsed: number;
  rssBefore: number;
  rssCollected: number;
  externalCollected: number;
  heapCollected: number;
  dataBytes: number;
  files: string[];
  startMs: number;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

function child(dataDir: string, mode: 'write' | 'start'): ChildProcess {
  return fork(join(__dirname, 'embeddedStoreProcess.ts'), [dataDir, String(REFERRALS), mode], {
    execArgv: [...process.execArgv, '--expose-gc'],
  });
}

function nextMessage<T>(process: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const ended = (code: number | null) => reject(new Error(`the store process ended (${code})`));
    process.once('exit', ended);
    process.once('message', (message) => {
      process.off('exit', ended);
      resolve(message as T);
    });
  });
}

/** Asks `url` one request at a time, PROBE_EVERY_MS apart, until `until` settles; the latencies. */
async function probe(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const sent = performance.now();
    const answer = await fetch(url);
    await answer.arrayBuffer();
    latencies.push(performance.now() - sent);
    await new Promise((wait) => setTimeout(wait, PROBE_EVERY_MS));
  }
  return latencies;
}

export async function embeddedStoreBenchmark(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'referral-desk-store-bench-'));
  try {
    const writer = child(dataDir, 'write');
    const { url } = await nextMessage<{ url: string }>(writer);
    const figures = nextMessage<Figures>(writer);
    writer.send('go');
    const latencies = await probe(url, figures);
    const measured = await figures;
    const stopped = new Promise((done) => writer.once('exit', done));
    writer.disconnect();
    await stopped;
    const restart = await nextMessage<{ startMs: number; dataBytes: number }>(child(dataDir, 'start'));

    console.log(
      `  ${REFERRALS.toLocaleString('en')} referrals stored (row, arrival event, index rows; a flush every 500) ` +
        `in ${(measured.writeMs / 1000).toFixed(1)} s, the store persisting to a folder`,
    );
    console.log(
      `  longest event-loop pause ${ms(measured.maxPauseMs)} (p99 ${ms(measured.p99PauseMs)}), ` +
        `ratio to the target ${(measured.maxPauseMs / PAUSE_TARGET_MS).toFixed(2)} ` +
        `(target ≤ 1: none over ${PAUSE_TARGET_MS} ms)`,
    );
    console.log(
      `  /healthz-style probe, ${latencies.length} asked: median ${ms(percentile(latencies, 50))}, ` +
        `p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`,
    );
    console.log(
      `  resident memory after ${mib(measured.rss)} (heap ${mib(measured.heapUsed)}); after a full garbage ` +
        `collection ${mib(measured.rssCollected)} (heap ${mib(measured.heapCollected)}, outside the heap ` +
        `${mib(measured.externalCollected)}; before the writes ${mib(measured.rssBefore)}), ratio to the target ` +
        `${(measured.rssCollected / 2 ** 20 / RSS_TARGET_MIB).toFixed(2)} (target ≤ 1: ${RSS_TARGET_MIB} MiB)`,
    );
    console.log(
      `  data folder after the writes ${mib(measured.dataBytes)} (${measured.files.join(', ')}); ` +
        `started again on it in ${ms(restart.startMs)}, leaving ${mib(restart.dataBytes)}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
