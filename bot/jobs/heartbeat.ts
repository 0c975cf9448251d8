import type { DateTime } from 'luxon';

/** Calls `action` every `everyMs` until the returned function is called (what `action` returns may be awaited, or not). */
export type Repeat = (action: () => Promise<unknown>, everyMs: number) => () => void;

/** A real interval that does not keep the process alive. */
export const repeatOnTimer: Repeat = (action, everyMs) => {
  const timer = setInterval(() => void action(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Renews `(now, until)`: takes the lease or claim on until `until` when its holder still has
 * it; `false` when it was refused (another worker has it now).
 */
export type Renewal = (now: DateTime, until: DateTime) => Promise<boolean>;

export interface HeartbeatOptions {
  clock: () => DateTime;
  /** How long the lease or claim lasts without being renewed. */
  leaseMs: number;
  /** The timer renewing it while a single piece of work takes long (defaults to a real interval). */
  repeat?: Repeat;
}

/**
 * Keeps a short lease or claim held while its holder works: it is renewed every third of its
 * length, on a timer and whenever the holder asks between two pieces of work (`beat`), so a
 * live holder keeps it however long it works and a dead one's runs out within its length.
 * Once a renewal is refused it stays lost: the holder is to stop. Renewals never overlap.
 */
export class Heartbeat {
  private renewedAt: DateTime;
  private lost = false;
  private renewing: Promise<boolean> | undefined;
  private cancel: (() => void) | undefined;

  /** `takenAt`: when the lease or claim was taken (or last renewed). */
  constructor(
    private readonly renewal: Renewal,
    private readonly options: HeartbeatOptions,
    takenAt: DateTime,
  ) {
    this.renewedAt = takenAt;
  }

  /** How often it is renewed: a third of the lease, well before half of it has passed. */
  get periodMs(): number {
    return Math.max(1, Math.floor(this.options.leaseMs / 3));
  }

  /**
   * Starts renewing on the timer. A renewal the timer starts that fails (storage out of reach)
   * leaves it as it was: the holder's next `beat` tries again and meets the failure itself.
   */
  start(): this {
    this.cancel = (this.options.repeat ?? repeatOnTimer)(() => this.renew().catch(() => false), this.periodMs);
    return this;
  }

  /**
   * Stops the timer and waits for a renewal in flight, so what the holder writes next is
   * written over the last renewal (the lease or claim is left to run out, or to be released).
   */
  async stop(): Promise<void> {
    this.cancel?.();
    this.cancel = undefined;
    await this.renewing?.catch(() => undefined);
  }

  /** Whether it is still held, renewing it first when a third of its length has passed since the last renewal. */
  async beat(): Promise<boolean> {
    if (this.lost) return false;
    if (this.renewing) return this.renewing;
    if (this.options.clock().toMillis() - this.renewedAt.toMillis() < this.periodMs) return true;
    return this.renew();
  }

  /** Renews it now (after any renewal in flight); whether it is still held. */
  renew(): Promise<boolean> {
    if (this.lost) return Promise.resolve(false);
    this.renewing ??= (async () => {
      const now = this.options.clock();
      const held = await this.renewal(now, now.plus({ milliseconds: this.options.leaseMs }));
      if (held) this.renewedAt = now;
      else this.lost = true;
      return held;
    })().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }
}
