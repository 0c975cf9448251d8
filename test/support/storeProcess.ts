import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The embedded table server in a child process (embeddedTablesProcess.ts), keeping its data in a folder. */
export class StoreProcess {
  private readonly exited: Promise<unknown>;

  private constructor(
    private readonly child: ChildProcess,
    readonly connectionString: string,
  ) {
    this.exited = new Promise((done) => child.once('exit', done));
  }

  static async start(dataDir: string): Promise<StoreProcess> {
    const child = fork(join(__dirname, 'embeddedTablesProcess.ts'), [dataDir], {
      execArgv: ['--require', require.resolve('tsx/cjs')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const connectionString = await new Promise<string>((done, fail) => {
      child.once('message', (message) => done((message as { connectionString: string }).connectionString));
      child.once('exit', (code) => fail(new Error(`the store process ended (${code}) before it listened`)));
    });
    return new StoreProcess(child, connectionString);
  }

  /** Asks it to `flush` or `compact`; resolves once it says it did. */
  async ask(what: 'flush' | 'compact'): Promise<void> {
    const answer = await new Promise((done) => {
      this.child.once('message', done);
      this.child.send(what);
    });
    if (answer !== what) throw new Error(`${what}: ${String(answer)}`);
  }

  /** Ends it at once, as a crash or `kill -9` would, and resolves once it is gone. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
