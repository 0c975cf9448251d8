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

/** Teams' limit for the whole app (per tenant), every request counted. */
export const TEAMS_APP_LIMITS: readonly RateWindow[] = [{ count: 50, windowMs: 1_000 }];

/** One send a limiter counts: when it began and when Teams answered it (`Infinity` while it has not). */
export interface CountedSend {
  start: number;
  end: number;
}

/**
 * Sliding-window limiter: tells how long to wait before the next send so that no window
 * is exceeded. It keeps the sends of the longest window only. A send is counted in a window
 * until that long after Teams answered it: Teams counts it somewhere between the request and
 * its answer, so counting from the answer keeps any delay on the way from filling a window.
 * A send not answered yet holds its place: a send that needs it gone waits (`Infinity`).
 */
export class SlidingWindowLimiter {
  private sent: CountedSend[] = [];
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /**
   * Milliseconds to wait at `now` before `sends` more may start, for `windows` (by default
   * those the limiter was made with, which must be at most as long).
   */
  delayAt(now: number, windows: readonly RateWindow[] = this.windows, sends = 1): number {
    this.sent = this.sent.filter((send) => send.end > now - this.longest);
    // Latest answer first: a send leaves a window that long after its answer, whenever it began.
    const ends = this.sent.map((send) => send.end).sort((a, b) => b - a);
    let delay = 0;
    for (const window of windows) {
      const allowedBefore = window.count - Math.min(sends, window.count);
      if (ends.length <= allowedBefore) continue;
      delay = Math.max(delay, ends[allowedBefore] + window.windowMs - now);
    }
    return delay;
  }

  /** Counts a send that began and was answered at `now`. */
  record(now: number): void {
    this.sent.push({ start: now, end: now });
  }

  /** Counts a send beginning at `now`; set its `end` when Teams answered it. */
  begin(now: number): CountedSend {
    const send = { start: now, end: Infinity };
    this.sent.push(send);
    return send;
  }

  /** Whether the limiter counts no send any more at `now` (it may be forgotten). */
  idleAt(now: number): boolean {
    return this.sent.every((send) => send.end <= now - this.longest);
  }
}
