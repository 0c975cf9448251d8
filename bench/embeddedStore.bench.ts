import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { build } from 'esbuild';

/**
 * The embedded table store under load, persisting to a folder as `npm start` does: the
 * longest pause of its process's event loop while a desk stores referrals (target: none over
 * 100 ms, so no whole-file save on the way), by the wall clock and counting only the time the
 * process was on a processor (a busy machine keeps any process waiting for one, as the
 * benchmark's own nearly idle process shows), the latency of a /healthz-style probe asked from
 * outside every PROBE_EVERY_MS meanwhile, and the process's resident memory after (target at
 * most 300 MiB). Then how long the store takes to start again on what was written.
 * The store and its writer run in a process of their own (embeddedStoreProcess.ts, built to
 * JavaScript and run by Node alone, as a built desk is), so that nothing else of the benchmarks
 * sits in the measured memory.
 */

const REFERRALS = Number(process.env.BENCH_STORE_REFERRALS ?? 10_000);
const PAUSE_TARGET_MS = 100;
const RSS_TARGET_MIB = 300;
const PROBE_EVERY_MS = 20;
/** Referrals stored one at a time at the end (as embeddedStoreProcess.ts does). */
const QUIET = 300;

interface Figures {
  bands: { upTo: number; pauseMs: number; workingPauseMs: number }[];
  maxGcPauseMs: number;
  /** The referrals stored one at a time: since when (ms since the epoch), and the longest pauses. */
  quiet: { since: number; pauseMs: number; workingPauseMs: number };
  writeMs: number;
  rss: number;
  heapUsed: number;
  rows: number;
  rssBefore: number;
  rssCollected: number;
  externalCollected: number;
  heapCollected: number;
  dataBytes: number;
  files: string[];
  startMs: number;
}

interface Restart {
  startMs: number;
  dataBytes: number;
  rss: number;
  heapUsed: number;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** Where the store's process is built to: inside the project, so that the packages it requires are found as installed. */
const BUILT_CHILD = join(__dirname, '..', 'node_modules', '.cache', 'referral-desk-bench', 'embeddedStoreProcess.js');

/**
 * Builds the store's process (embeddedStoreProcess.ts) into plain JavaScript, the project's
 * modules in one file and the packages required as installed, so that it runs on Node alone as
 * a built desk does: under the TypeScript loader the benchmarks run with, the same process would
 * hold some 30 MiB more, the loader's own.
 */
async function buildChild(): Promise<void> {
  await build({
    entryPoints: [join(__dirname, 'embeddedStoreProcess.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: BUILT_CHILD,
    logLevel: 'warning',
  });
}

function child(dataDir: string, mode: 'write' | 'start'): ChildProcess {
  return fork(BUILT_CHILD, [dataDir, String(REFERRALS), mode], { execArgv: ['--expose-gc'] });
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

/** When a probe was sent (ms since the epoch), and how long its answer took. */
interface Probe {
  at: number;
  ms: number;
}

/** Asks `url` one request at a time, PROBE_EVERY_MS apart, until `until` settles; the latencies. */
async function probe(url: string, until: Promise<unknown>): Promise<Probe[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: Probe[] = [];
  while (!done) {
    const at = Date.now();
    const sent = performance.now();
    const answer = await fetch(url);
    await answer.arrayBuffer();
    latencies.push({ at, ms: performance.now() - sent });
    await new Promise((wait) => setTimeout(wait, PROBE_EVERY_MS));
  }
  return latencies;
}

function report(measured: Figures, probes: Probe[], restart: Restart, noiseMs: number): void {
  const count = (value: number) => value.toLocaleString('en');
  const probed = (list: Probe[]) => {
    const latencies = list.map((probe) => probe.ms);
    return (
      `/healthz-style probe ${count(latencies.length)} times, median ${ms(percentile(latencies, 50))}, ` +
      `p99 ${ms(percentile(latencies, 99))}, max ${ms(Math.max(...latencies))}`
    );
  };
  const { quiet } = measured;
  console.log(
    `  ${count(REFERRALS)} referrals stored in ${(measured.writeMs / 1000).toFixed(1)} s, eight at once and a flush ` +
      `every 500: ${count(measured.rows)} rows (${(measured.rows / REFERRALS).toFixed(1)} per referral: its row, ` +
      'arrival event and index rows)',
  );
  const bands = measured.bands.map((band) => `${ms(band.pauseMs)} (${ms(band.workingPauseMs)}) to ${count(band.upTo)}`);
  console.log(`    longest event-loop pause (on the processor) as the store grew: ${bands.join(', ')}`);
  console.log(`    ${probed(probes.filter((probe) => probe.at < quiet.since))}`);
  console.log(
    `  then ${QUIET} more, one at a time, a flush every 50: longest pause ${ms(quiet.pauseMs)}, on the processor ` +
      `${ms(quiet.workingPauseMs)}: ratio ${(quiet.workingPauseMs / PAUSE_TARGET_MS).toFixed(2)} to the target ` +
      `(none over ${PAUSE_TARGET_MS} ms)`,
  );
  console.log(`    ${probed(probes.filter((probe) => probe.at >= quiet.since))}`);
  console.log(
    `  longest garbage collection ${ms(measured.maxGcPauseMs)}; the benchmark's own process, all but idle, was ` +
      `held up to ${ms(noiseMs)} by the machine's other work (load average ${loadavg()[0].toFixed(1)})`,
  );
  console.log(
    `  resident memory after the writes ${mib(measured.rss)} (heap ${mib(measured.heapUsed)}); after a full ` +
      `garbage collection ${mib(measured.rssCollected)} (heap ${mib(measured.heapCollected)}, outside it ` +
      `${mib(measured.externalCollected)}; ${mib(measured.rssBefore)} before the writes): ratio ` +
      `${(measured.rssCollected / 2 ** 20 / RSS_TARGET_MIB).toFixed(2)} to the target (${RSS_TARGET_MIB} MiB)`,
  );
  console.log(
    `  data folder ${mib(measured.dataBytes)} (${measured.files.join(', ')}); started again on it in ` +
      `${ms(restart.startMs)} (leaving ${mib(restart.dataBytes)}), then holding ${mib(restart.rss)} ` +
      `(heap ${mib(restart.heapUsed)}) after a full garbage collection`,
  );
}

export async function embeddedStoreBenchmark(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'referral-desk-store-bench-'));
  try {
    await buildChild();
    const writer = child(dataDir, 'write');
    const noise = monitorEventLoopDelay({ resolution: 10 });
    const { url } = await nextMessage<{ url: string }>(writer);
    const figures = nextMessage<Figures>(writer);
    writer.send('go');
    noise.enable();
    const probes = await probe(url, figures);
    noise.disable();
    const measured = await figures;
    const stopped = new Promise((done) => writer.once('exit', done));
    writer.disconnect();
    await stopped;
    const restart = await nextMessage<Restart>(child(dataDir, 'start'));

    report(measured, probes, restart, noise.max / 1e6);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
