import type { LifecycleCommand } from '../domain/commands';
import { isDomainError, type DomainError } from '../domain/errors';
import { decide } from '../domain/lifecycle';
import type { Authority } from '../domain/permissions';
import type { Actor, ReferralRecord } from '../domain/referral';
import { ConflictError } from '../store';
import { followUpSaved, type FollowUpDeps } from './followUps';
import type { UseCaseDeps } from './ports';

/** What changing a referral uses: the follow-up's ports, the card tasks and cards, and the clock. */
export type ChangeDeps = FollowUpDeps & Pick<UseCaseDeps, 'outbox' | 'cards' | 'clock'>;

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
 * alike: decide on the freshest copy, save the referral with its history event under its
 * ETag, queue the channel card's update and re-plan the referral's scheduled work. Safe to
 * retry: a repeated command finds the referral already moved on.
 */
export async function changeReferral(
  services: ChangeDeps,
  referralId: string,
  command: LifecycleCommand,
  actor: Actor,
  authority?: Authority,
): Promise<ChangeOutcome> {
  const { referrals } = services;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await referrals.get(referralId);
    if (!stored) return { kind: 'notFound' };
    const now = services.clock();
    const decision = decide(stored.record, command, actor, now, authority);
    if (isDomainError(decision)) return { kind: 'refused', error: decision, current: stored.record };
    // The outbox row goes first: if the process dies after the save, the card still follows.
    await services.outbox.enqueue(referralId, now.toUTC().toISO()!);
    try {
      await referrals.save(stored, decision.record, decision.event);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_STEP_MS * (attempt + 1)));
      continue;
    }
    await followUpSaved(services, decision.record);
    // After the writes: the card update for everyone then usually follows the clicking user's own answer.
    services.cards.kick();
    return { kind: 'changed', record: decision.record };
  }
  return { kind: 'busy' };
}
