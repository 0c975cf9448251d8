import { fork } from 'node:child_process';
import { join } from 'node:path';

/** An embedded table server in a child process: the measured heap is the digest's alone. */
export async function startTableServer(): Promise<{ connectionString: string; stop(): void }> {
  const child = fork(join(__dirname, 'tableServerProcess.ts'));
  const connectionString = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { connectionString: string }).connectionString));
    child.once('exit', (code) => reject(new Error(`the table server ended (${code})`)));
  });
  return { connectionString, stop: () => child.disconnect() };
}
