/** How the Partner Center onboarding commands talk to the person running them, wait, and tell time. */
import { DateTime } from 'luxon';

/** What a command prints to, and how it waits and reads the clock: the process's, or a test's. */
export interface CommandIo {
  /** One line for the person running the command (standard output). */
  print(line: string): void;
  /** One line about what went wrong (standard error). */
  printError(line: string): void;
  /** Waits `ms` milliseconds; tests record the wait and move their clock instead of sleeping. */
  wait(ms: number): Promise<void>;
  clock: () => DateTime;
  fetch?: typeof fetch;
}

/** The process's own output, timers and clock. */
export const processIo: CommandIo = {
  print: (line) => console.log(line),
  printError: (line) => console.error(line),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => DateTime.utc(),
};

/** A failure the command reports by its message alone (no stack): what went wrong and what to fix. */
export class CommandError extends Error {
  constructor(
    message: string,
    /** The process's exit code: 2 for a wrong invocation, 1 otherwise. */
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Runs a command's work, printing a CommandError's message (anything else with its stack); answers the exit code. */
export async function reportFailures(io: CommandIo, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    for (const line of error.message.split('\n')) io.printError(line);
    return error.exitCode;
  }
}
