import type { LifecycleCommand } from '../domain/commands';
import { isDomainError, type DomainError } from '../domain/errors';
import { decide } from '../domain/lifecycle';
import type { Authority } from '../domain/permissions';
import type { Actor, ReferralRecord } from '../domain/referral';
import { ConflictError, type ClickId, type HeldTask, type StoredReferral } from '../store';
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
  /** The click (see ChangeStart.click) was made before, and saved its change: the referral as it is now. */
  | { kind: 'repeated'; record: ReferralRecord }
  | { kind: 'refused'; error: DomainError; current: ReferralRecord }
  | { kind: 'notFound' }
  | { kind: 'busy' };

/** What a change may start with, each as it comes: the referral as just read, the actor's authority, its card task held. */
export interface ChangeStart {
  /** The referral as the caller read it, for the first attempt (one that finds it changed since reads afresh). */
  read?: Promise<StoredReferral | null>;
  /** The actor's authority over the referral (region manager, admin); none beyond its own by default. */
  authority?: Promise<Authority | undefined>;
  /**
   * The referral's card task, already held by the caller (see holdCardTask), who then releases
   * it once the change is done; without it, the change holds and releases the task itself.
   */
  held?: Promise<HeldTask>;
  /**
   * The click that asks for the change: saved with it, once. A repeat of a click whose change
   * was saved changes nothing and comes back `repeated`, even when it arrives at another
   * instance of the desk, or after a crash that kept the first click from being answered.
   */
  click?: ClickId;
  /** Whether `read` (read with getWithClick) found the click saved before. */
  clicked?: Promise<boolean>;
}

/**
 * Applies a lifecycle command to the stored referral, for Teams actions and scheduled work
 * alike: decide on the freshest copy and save the referral with its history event under its
 * ETag, its card task held first (see holdCardTask). That is all a change waits for: the card
 * sync runs the task after the answer, with everything that follows a change (plan, index rows,
 * write-back, notices; see followUp) and the card's update for everyone. Safe to retry: a
 * repeated command finds the referral already moved on.
 */
export async function changeReferral(
  services: ChangeDeps,
  referralId: string,
  command: LifecycleCommand,
  actor: Actor,
  start: ChangeStart = {},
): Promise<ChangeOutcome> {
  const first: Promise<Read> = start.read
    ? Promise.all([start.read, start.clicked ?? false]).then(([stored, clicked]) => ({ stored, clicked }))
    : services.referrals.getWithClick(referralId, start.click);
  if (start.held) {
    const [read, , authority] = await Promise.all([first, start.held, start.authority]);
    return decideAndSave(services, { command, actor, authority, click: start.click }, referralId, read);
  }
  const read = await first;
  if (!read.stored) return { kind: 'notFound' };
  // Held beside whatever the caller still looks up (the actor's authority): a change waits for
  // three round trips to storage, its read, this and its save.
  const [, authority] = await Promise.all([holdCardTask(services, referralId), start.authority]);
  try {
    return await decideAndSave(services, { command, actor, authority, click: start.click }, referralId, read);
  } finally {
    // Changed or not, the task runs now: the task of a change not made only shows the card as it is.
    services.cards.release(referralId);
  }
}

/** A referral as read, and whether the change's click was found saved with an earlier change of it. */
interface Read {
  stored: StoredReferral | null;
  clicked: boolean;
}

/** What is asked of the referral, by whom, with what authority, for which click. */
interface Ask {
  command: LifecycleCommand;
  actor: Actor;
  authority: Authority | undefined;
  click: ClickId | undefined;
}

async function decideAndSave(
  services: ChangeDeps,
  { command, actor, authority, click }: Ask,
  referralId: string,
  first: Read,
): Promise<ChangeOutcome> {
  let read = first;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) read = await services.referrals.getWithClick(referralId, click);
    const { stored, clicked } = read;
    if (!stored) return { kind: 'notFound' };
    if (clicked) return { kind: 'repeated', record: stored.record };
    const now = services.clock();
    const decision = decide(stored.record, command, actor, now, authority);
    if (isDomainError(decision)) return { kind: 'refused', error: decision, current: stored.record };
    try {
      await services.referrals.save(stored, decision.record, decision.event, click);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * BACKOFF_STEP_MS * (attempt + 1)));
      continue;
    }
    return { kind: 'changed', record: decision.record };
  }
  return { kind: 'busy' };
}
