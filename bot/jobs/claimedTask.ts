import type { DateTime } from 'luxon';
import type { OutboxRepository, OutboxTask } from '../store';
import { Heartbeat, type Repeat } from './heartbeat';

/** How long an outbox worker's claim on a task lasts without being renewed. */
export const OUTBOX_CLAIM_MS = 15_000;

export interface ClaimOptions {
  clock: () => DateTime;
  /** How long the claim lasts without being renewed (defaults to OUTBOX_CLAIM_MS). */
  claimMs?: number;
  /** The timer that renews it (defaults to a real interval). */
  repeat?: Repeat;
}

/**
 * Claims a due task of `outbox` and works on it with the claim renewed every third of its
 * length until the work ends, so a live worker keeps it however long Teams or Partner Center
 * take and a crashed one's runs out within its length. `null` when another worker has it.
 * `work` is given the task, which renewals keep up to date (complete it with that one).
 */
export async function workOnClaimed<T>(
  outbox: OutboxRepository,
  task: OutboxTask,
  options: ClaimOptions,
  work: (claimed: OutboxTask) => Promise<T>,
): Promise<{ result: T } | null> {
  const claimMs = options.claimMs ?? OUTBOX_CLAIM_MS;
  const now = options.clock();
  const claimed = await outbox.claim(task, now.toUTC().toISO()!, now.plus({ milliseconds: claimMs }).toUTC().toISO()!);
  if (!claimed) return null;
  const heartbeat = new Heartbeat(
    (_at, until) => outbox.renewClaim(claimed, until.toUTC().toISO()!),
    { clock: options.clock, leaseMs: claimMs, repeat: options.repeat },
    now,
  ).start();
  try {
    return { result: await work(claimed) };
  } finally {
    await heartbeat.stop();
  }
}
