import type { LifecycleCommand } from '../domain/commands';
import { isDomainError, type DomainError } from '../domain/errors';
import { decide } from '../domain/lifecycle';
import type { Authority } from '../domain/permissions';
import type { Actor, ReferralRecord } from '../domain/referral';
import { ConflictError } from '../store';
import type { StoredReferral } from '../store';
import { holdCardTask } from './cardTasks';
import type { UseCaseDeps } from './ports';

/** What changing a referral uses: the referrals, the card tasks and cards, and the clock. */
export type ChangeDeps = Pick<UseCaseDeps, 'referrals' | 'outbox' | 'cards' | 'clock'>;

/** Reads are retried this often when another writer was faster (ETag conflict)... */
const MAX_ATTEMPTS = 10;
/** ...each after a random pause of up to this many milliseconds per attempt so far, so that many writers at once take turns. */
const BACKOFF_STEP_MS = 15;

export type ChangeOutcome =
  | { kind: 'changed'; record: ReferralRecord }
  | { kind: 'refused'; error: DomainError; current: ReferralRecord }
  | { kind: 'notFound' }
  | { kind: 'busy' };

/**
 * Applies a lifecycle command to the stored referral, for Teams actions and scheduled work
 * alike: decide on the freshest copy and save the referral with its history event under its
 * ETag, its card task held first (see holdCardTask). That is all a change waits for: the card
 * sync runs the task after the answer, with everything that follows a change (plan, index rows,
 * write-back, notices; see followUp) and the card's update for everyone. Safe to retry: a
 * repeated command finds the referral already moved on.
 *
 * `read`: the referral as the caller just read it, used for the first attempt (a conflict reads afresh).
 */
export async function changeReferral(
  services: ChangeDeps,
  referralId: string,
  command: LifecycleCommand,
  actor: Actor,
  authority?: Authority,
  read?: StoredReferral,
): Promise<ChangeOutcome> {
  const { referrals } = services;
  // The task is held beside the read, not after it: a change waits for two round trips, as storing alone would.
  const [first] = await Promise.all([read ?? referrals.get(referralId), holdCardTask(services, referralId)]);
  try {
    return await decideAndSave(services, referralId, command, actor, authority, first);
  } finally {
    // Changed or not, the task runs now: a held task of a change not made only shows the card as it is.
    services.cards.release(referralId);
  }
}

async function decideAndSave(
  services: ChangeDeps,
  referralId: string,
  command: LifecycleCommand,
  actor: Actor,
  authority: Authority | undefined,
  first: StoredReferral | null,
): Promise<ChangeOutcome> {
  const { referrals } = services;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = attempt === 0 ? first : await referrals.get(referralId);
    if (!stored) return { kind: 'notFound' };
    const now = services.clock();
    const decision = decide(stored.record, command, actor, now, authority);
    if (isDomainError(decision)) return { kind: 'refused', error: decision, current: stored.record };
    try {
      await referrals.save(stored, decision.record, decision.event);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_STEP_MS * (attempt + 1)));
      continue;
    }
    return { kind: 'changed', record: decision.record };
  }
  return { kind: 'busy' };
}
