import type { Actor } from '../../domain/referral';
import { holdCardTask } from '../../referrals';
import type { Services } from '../../services';
import type { HeldTask } from '../../store';
import { viewerOf, type Viewing, type ViewerServices } from '../views/personalCard';

/**
 * What a click that changes a referral starts as it comes in, beside the click's other first
 * reads: its card task held (see holdCardTask) and the clicking user's view looked up. By the
 * time the click is claimed and the referral read, the change has only its save left to wait for.
 */
export interface LookAhead {
  referralId: string;
  held: Promise<HeldTask>;
  viewing: Promise<Viewing>;
}

/** Starts what a click that changes the referral `referralId` needs first (see changesTheReferral). */
export function lookAhead(
  services: ViewerServices & Pick<Services, 'outbox' | 'clock'>,
  referralId: string,
  actor: Actor,
): LookAhead {
  const held = holdCardTask(services, referralId);
  const viewing = viewerOf(services, referralId, actor);
  // Awaited by the change, or by whoever lets the task go when the click ends otherwise.
  held.catch(() => undefined);
  viewing.catch(() => undefined);
  return { referralId, held, viewing };
}
