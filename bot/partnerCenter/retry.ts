/**
 * When to try a Partner Center call again, and how long to wait: the service's
 * `Retry-After` when it gives one, else exponential backoff with full jitter (a random
 * wait up to a doubling ceiling), never longer than a cap, for a bounded number of attempts.
 * Sleeping, randomness and the time are passed in, so tests record waits instead of waiting.
 */
import { DateTime } from 'luxon';

/** How often and how long a call is tried again. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The ceiling of the first backoff; it doubles with every retry. */
  baseDelayMs: number;
  /** No single wait is longer; a `Retry-After` beyond it ends the retries instead. */
  maxDelayMs: number;
}

/** Five attempts, waits from up to 1 s doubling to at most a minute. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** How retries wait: injected so tests run without real time passing. */
export interface RetryTiming {
  sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), like Math.random. */
  random: () => number;
  /** Now, to read a `Retry-After` given as an HTTP date. */
  now: () => DateTime;
}

/** Real timers, Math.random and the wall clock: for production. */
export const REAL_TIMING: RetryTiming = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => DateTime.utc(),
};

/** Statuses worth another try: throttling, and server errors other than "not implemented". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/**
 * A `Retry-After` header in milliseconds: delay-seconds (`"2"`) or an HTTP date
 * (`"Wed, 25 Nov 2026 09:00:05 GMT"`, a past one meaning 0). Undefined if absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: DateTime): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = DateTime.fromHTTP(text, { zone: 'utc' });
  if (!date.isValid) return undefined;
  return Math.max(0, date.toMillis() - now.toMillis());
}

/** The wait before retry number `retry` (1 for the first): uniformly random below min(maxDelayMs, baseDelayMs · 2^(retry−1)). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
