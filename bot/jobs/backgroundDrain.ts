import type { Logger } from '../log';

/**
 * Background work done one pass at a time (a subclass's `drainOnce`): `kick` starts a pass
 * (or, while one runs, asks for one more), `start` also kicks on an interval, `stop` waits
 * for the pass running. A failed pass is logged; the next kick tries again.
 */
export abstract class BackgroundDrain {
  private draining: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly drainLog: Logger,
    private readonly what: string,
  ) {}

  protected abstract drainOnce(): Promise<void>;

  /** Works through what is due in the background; calls while busy run one more pass. */
  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        await this.drainOnce().catch((error: unknown) => this.drainLog.error(`${this.what} pass failed`, error));
      } while (this.again);
    })().finally(() => {
      this.draining = undefined;
    });
  }

  /** Resolves when no pass is running (for shutdown and tests). */
  async whenIdle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  start(intervalMs: number): void {
    this.kick();
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.whenIdle();
  }
}
