import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

// The launcher is plain JavaScript, so that it runs without TypeScript.
const { buildIsCurrent, PRODUCTION_ENTRY, DEVELOPMENT_ENTRY } = require('../../tools/start.js') as {
  buildIsCurrent: (root: string, entry: string) => boolean;
  PRODUCTION_ENTRY: string;
  DEVELOPMENT_ENTRY: string;
};

/** The line the bot logs once its server listens, with its address. */
export const LISTENING = /listening on (http:\/\/localhost:\d+)/;
/** The line the bot logs once storage answers and /healthz says ok. */
export const READY = /\] ready$/m;

/** What a production start needs (with NODE_ENV=production): a registered bot, signed deliveries, a free port. */
export const PRODUCTION = {
  NODE_ENV: 'production',
  MicrosoftAppId: '00000000-0000-4000-8000-0000000000aa',
  MicrosoftAppPassword: 'not-used-here',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000bb',
  REFERRALS_WEBHOOK_SECRET: 'start-process-secret',
  PORT: '0',
};

/**
 * Compiles `root` unless its build is current for both kinds of start, as `npm run build`
 * does (tsc takes 10 to 20 s on a quiet machine of two cores).
 */
export async function ensureBuilt(root: string): Promise<void> {
  if (buildIsCurrent(root, PRODUCTION_ENTRY) && buildIsCurrent(root, DEVELOPMENT_ENTRY)) return;
  const launcher = join(root, 'tools', 'start.js');
  const child = spawn(process.execPath, [launcher, '--build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`npm run build failed (${String(code)}):\n${output}`);
}

export interface DeskProcessOptions {
  /** The project tree whose `tools/start.js` runs. */
  root: string;
  /** Its working directory: where a `.env` would be read. */
  cwd: string;
  /** Its whole environment (PATH is added): nothing leaks in from the caller's. */
  env: Record<string, string>;
}

/** `npm start` (`node tools/start.js`) in a process of its own, with its output kept. */
export class DeskProcess {
  readonly child: ChildProcess;
  /** When it was spawned (process.hrtime.bigint()). */
  readonly spawnedAt: bigint;
  /** Its stdout and stderr, as they came. */
  output = '';
  private readonly exited: Promise<number | null>;

  constructor(options: DeskProcessOptions) {
    this.spawnedAt = process.hrtime.bigint();
    this.child = spawn(process.execPath, [join(options.root, 'tools', 'start.js')], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
  }

  /** The first match of `pattern` in the output, once there; rejects with the output if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray> {
    return new Promise((done, fail) => {
      const look = () => {
        const match = pattern.exec(this.output);
        if (!match) return false;
        this.child.stdout!.off('data', look);
        this.child.stderr!.off('data', look);
        done(match);
        return true;
      };
      if (look()) return;
      this.child.stdout!.on('data', look);
      this.child.stderr!.on('data', look);
      void this.exited.then((code) => {
        if (!look()) fail(new Error(`npm start exited (${code}) before ${pattern} showed:\n${this.output}`));
      });
    });
  }

  /** Milliseconds since it was spawned. */
  elapsedMs(): number {
    return Number(process.hrtime.bigint() - this.spawnedAt) / 1e6;
  }

  /** Stops it as a host does (SIGTERM) and resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Ends it at once, whatever it is doing (after a failed test). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** Node's hook that notes every module a process loads (see loadedModules.js). */
const MODULE_RECORDER = join(__dirname, 'loadedModules.js');

/**
 * Starts `root`'s tools/start.js in `cwd` with `env` (its data in `cwd`/data), noting every
 * module it loads in `modulesFile`, and waits until it is ready: the process and its URL.
 */
export async function startRecordingDesk(
  root: string,
  cwd: string,
  env: Record<string, string>,
  modulesFile: string,
): Promise<{ desk: DeskProcess; url: string }> {
  const desk = new DeskProcess({
    root,
    cwd,
    env: {
      ...env,
      DATA_DIR: join(cwd, 'data'),
      NODE_OPTIONS: `--require ${MODULE_RECORDER}`,
      LOADED_MODULES_FILE: modulesFile,
    },
  });
  const [, url] = await desk.waitFor(LISTENING);
  await desk.waitFor(READY);
  return { desk, url };
}
