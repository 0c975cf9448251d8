import type { HeldTask } from '../store';
import type { UseCaseDeps } from './ports';

/**
 * How long a referral's card task is held while its change is stored: far longer than storing
 * takes, and how late its card and follow-up come after a crash between the two.
 */
const HOLD = { minutes: 1 };

/**
 * The first step of every change to a referral: its card task, held (not due) before the change
 * is stored. Once the change is stored the caller releases it (CardPublisher.release), and the
 * card sync runs it after the answer: the follow-up (plan, index rows, write-back, notices) and
 * the card for everyone. Held rather than due, the task cannot run before the change is stored
 * and end having seen the referral as it was; and should the process die between the two, it
 * falls due when the hold runs out, so nothing stored goes without its card.
 */
export function holdCardTask(deps: Pick<UseCaseDeps, 'outbox' | 'clock'>, referralId: string): Promise<HeldTask> {
  const now = deps.clock();
  return deps.outbox.hold(referralId, now.toUTC().toISO()!, now.plus(HOLD).toUTC().toISO()!);
}
