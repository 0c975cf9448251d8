/** A limit of `count` sends per `windowMs`. */
export interface RateWindow {
  count: number;
  windowMs: number;
}

/** Teams' per-conversation limits for sends, creates and updates. */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
];

/**
 * Sliding-window limiter: tells how long to wait before the next send so that no window
 * is exceeded. It keeps the send times of the longest window only.
 */
export class SlidingWindowLimiter {
  private readonly sent: number[] = [];
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /** Milliseconds to wait at `now` before a send is allowed. */
  delayAt(now: number): number {
    while (this.sent.length > 0 && this.sent[0] <= now - this.longest) this.sent.shift();
    let delay = 0;
    for (const window of this.windows) {
      if (this.sent.length < window.count) continue;
      const oldestInWindow = this.sent[this.sent.length - window.count];
      delay = Math.max(delay, oldestInWindow + window.windowMs - now);
    }
    return delay;
  }

  record(now: number): void {
    this.sent.push(now);
  }
}
