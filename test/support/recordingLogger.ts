import type { Logger } from '../../bot/log';

/** A logger that keeps every line, `info: …` or `error: …` (with the error's message), for the test to read. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];

  info(message: string): void {
    this.lines.push(`info: ${message}`);
  }

  error(message: string, error?: unknown): void {
    this.lines.push(
      `error: ${message}${error === undefined ? '' : `: ${error instanceof Error ? error.message : String(error)}`}`,
    );
  }

  /** The lines logged since the last call, which start the next batch afresh. */
  take(): string[] {
    return this.lines.splice(0);
  }
}
