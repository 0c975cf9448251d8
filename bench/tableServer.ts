import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { StorageCall } from './support/countingProxy';

/** The embedded table server in a child process (see tableServerProcess.ts), reached through its counting proxy. */
export interface TableServer {
  connectionString: string;
  /** The storage calls made since the last time asked. */
  calls(): Promise<StorageCall[]>;
  /** The processor time the table server has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): void;
}

/** An embedded table server in a child process: the measured process's heap and processor are its own. */
export async function startTableServer(): Promise<TableServer> {
  const child = fork(join(__dirname, 'tableServerProcess.ts'));
  const connectionString = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { connectionString: string }).connectionString));
    child.once('exit', (code) => reject(new Error(`the table server ended (${code})`)));
  });
  const calls = () =>
    new Promise<StorageCall[]>((resolve) => {
      child.once('message', (message) => resolve((message as { calls: StorageCall[] }).calls));
      child.send('calls');
    });
  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
      child.send('cpu');
    });
  return { connectionString, calls, cpuMicros, stop: () => child.disconnect() };
}
