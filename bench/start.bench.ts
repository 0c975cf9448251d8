import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskProcess, ensureBuilt, LISTENING, PRODUCTION } from '../test/support/deskProcess';

/**
 * Start time of `npm start` on a built tree: from spawning `node tools/start.js` to /healthz
 * answering ok (embedded table storage with its data in a fresh folder), for the production
 * start (NODE_ENV=production: the bot alone) and the development start (with the local
 * Partner Center simulator). Target: at most 1 s. Then where the time goes before the server
 * listens: Node's own start, and requiring the app's modules, in a fresh process. What the
 * first requests do not need (the Teams adapter and the bot, restify) is built at its first
 * use, after the desk is healthy: none of these figures include it.
 */

const ROOT = join(__dirname, '..');
const RUNS = 5;
const TARGET_MS = 1_000;
/** How often /healthz is asked while the desk starts: the measure's resolution. */
const POLL_MS = 10;

const STARTS = [
  { name: 'production', env: PRODUCTION, modules: join('dist', 'bot', 'app.js') },
  {
    name: 'development',
    env: { PORT: '0', PARTNER_CENTER_SIMULATOR_PORT: '0' },
    modules: join('dist', 'tools', 'devApp.js'),
  },
];

interface Run {
  listeningMs: number;
  healthyMs: number;
  /** CPU time the desk's main thread had used once healthy (Linux only). */
  mainCpuMs?: number;
}

/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of a thread's CPU times in /proc. */
const CLOCK_TICKS = 100;

/**
 * The CPU time (ms) the main thread of process `pid` used so far: what an idle machine's start would
 * take, whatever else the machine runs. Read from /proc, so Linux only; undefined elsewhere.
 */
function mainThreadCpuMs(pid: number | undefined): number | undefined {
  try {
    // Fields after the command's closing parenthesis start at the state (3rd); utime and stime are the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** One start: spawned, listening, then /healthz asked every POLL_MS until it says ok; stopped after. */
async function measureStart(env: Record<string, string>): Promise<Run> {
  const work = mkdtempSync(join(tmpdir(), 'referral-desk-start-bench-'));
  const desk = new DeskProcess({ root: ROOT, cwd: work, env: { ...env, DATA_DIR: join(work, 'data') } });
  try {
    const [, url] = await desk.waitFor(LISTENING);
    const listeningMs = desk.elapsedMs();
    for (;;) {
      const answer = await fetch(`${url}/healthz`).catch(() => undefined);
      const healthy = answer?.ok && ((await answer.json()) as { status: string }).status === 'ok';
      if (healthy) return { listeningMs, healthyMs: desk.elapsedMs(), mainCpuMs: mainThreadCpuMs(desk.child.pid) };
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  } finally {
    const code = await desk.stop();
    rmSync(work, { recursive: true, force: true });
    if (code !== 0) console.log(`    (the start exited with ${code} when stopped)\n${desk.output}`);
  }
}

/** Node's own start, and requiring `file` (the app's modules, not started), in a fresh process; ms each. */
async function measureModules(file: string): Promise<{ nodeMs: number; modulesMs: number }> {
  const script = [
    'const node = performance.now();',
    `require(${JSON.stringify(join(ROOT, file))});`,
    'console.log(JSON.stringify({ nodeMs: node, modulesMs: performance.now() - node }));',
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`requiring ${file} failed (${String(code)}):\n${errors}`);
  return JSON.parse(output) as { nodeMs: number; modulesMs: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number, width: number) => value.toFixed(0).padStart(width);

/** The median main thread CPU of `runs`, or a dash where /proc could not be read. */
function cpuCell(runs: Run[]): string {
  const measured = runs.flatMap((run) => (run.mainCpuMs === undefined ? [] : [run.mainCpuMs]));
  return measured.length === runs.length ? ms(median(measured), 15) : '-'.padStart(15);
}

export async function startBenchmark(): Promise<void> {
  await ensureBuilt(ROOT);
  console.log(`\nnpm start (node tools/start.js) on a built tree to /healthz ok, ${RUNS} runs each:`);
  console.log(`  target: healthy within ${TARGET_MS} ms`);
  console.log('  start         listening median   healthy median   healthy max   median / target   main thread CPU');
  for (const start of STARTS) {
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measureStart(start.env));
    const healthy = median(runs.map((r) => r.healthyMs));
    const cells = [
      start.name.padEnd(11),
      ms(median(runs.map((r) => r.listeningMs)), 16),
      ms(healthy, 14),
      ms(Math.max(...runs.map((r) => r.healthyMs)), 11),
      (healthy / TARGET_MS).toFixed(2).padStart(15),
      cpuCell(runs),
    ];
    console.log(`  ${cells.join('   ')}`);
  }
  console.log('  Listening: the server answers (/healthz says "starting"); healthy: storage answers too.');
  console.log(
    "  Main thread CPU: the CPU time of the desk's main thread to healthy, about what an idle machine takes.",
  );
  console.log(`  Load average of this machine: ${loadavg()[0].toFixed(1)} (other work slows every figure).`);
  console.log(`\nBefore the server listens, in a fresh process, median of ${RUNS}:`);
  console.log('  start         node itself ms   requiring the app ms');
  for (const start of STARTS) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measureModules(start.modules));
    const nodeMs = median(runs.map((r) => r.nodeMs));
    const cells = [start.name.padEnd(11), ms(nodeMs, 14), ms(median(runs.map((r) => r.modulesMs)), 20)];
    console.log(`  ${cells.join('   ')}   (${start.modules})`);
  }
}
