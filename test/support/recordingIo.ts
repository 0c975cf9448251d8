import type { CommandIo } from '../../tools/partnerCenter/commandIo';
import { MovableClock } from './movableClock';

/**
 * A command's output, waits and clock for a test: lines are kept, and each wait is recorded
 * and moves the clock instead of sleeping, then runs `onWait` (with the wait's 1-based number),
 * where a test plays what happens meanwhile (a user signing in, a delivery ending).
 */
export class RecordingIo implements CommandIo {
  readonly lines: string[] = [];
  readonly errors: string[] = [];
  readonly waits: number[] = [];
  readonly clock: CommandIo['clock'];

  constructor(
    readonly time: MovableClock = new MovableClock(),
    private readonly onWait: (waitNumber: number) => void | Promise<void> = () => undefined,
  ) {
    this.clock = time.read;
  }

  readonly print = (line: string): void => void this.lines.push(line);
  readonly printError = (line: string): void => void this.errors.push(line);

  readonly wait = async (ms: number): Promise<void> => {
    this.waits.push(ms);
    this.time.advance({ milliseconds: ms });
    await this.onWait(this.waits.length);
  };

  /** Everything printed, standard output then standard error. */
  get output(): string {
    return [...this.lines, ...this.errors].join('\n');
  }
}
