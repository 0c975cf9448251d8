/** A failure the simulator answers an API request with instead of serving it. */
export interface Fault {
  status: number;
  /** Seconds for a `Retry-After` header, if any. */
  retryAfterSeconds?: number;
}

/** Failures queued by tests, each used up by one API request, in order. */
export class FaultQueue {
  private readonly queue: Fault[] = [];

  /** The next `count` API requests get 429 Too Many Requests with `Retry-After: retryAfterSeconds`. */
  throttleNext(count: number, retryAfterSeconds: number): void {
    for (let i = 0; i < count; i++) this.queue.push({ status: 429, retryAfterSeconds });
  }

  /** The next `count` API requests fail with `status`: an outage (5xx) or a refusal such as 403 (a user without a Referrals role). */
  failNext(count: number, status = 503): void {
    if (status < 400 || status > 599 || status === 429)
      throw new Error(`failNext takes a 4xx or 5xx status other than 429, not ${status}; use throttleNext for 429`);
    for (let i = 0; i < count; i++) this.queue.push({ status });
  }

  /** The fault for the request at hand, if one is queued. */
  take(): Fault | undefined {
    return this.queue.shift();
  }

  get pending(): number {
    return this.queue.length;
  }
}
