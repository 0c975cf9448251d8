import type { Actor } from '../../domain/referral';
import { holdCardTask } from '../../referrals';
import type { Services } from '../../services';
import type { ClickId, HeldTask, StoredReferral } from '../../store';
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
  /** The click, when Teams gave it an id: saved with the change it makes, once (see ChangeStart.click). */
  click?: ClickId;
  /** The referral as read as the click came in, and whether the click was saved with a change before. */
  read: Promise<{ stored: StoredReferral | null; clicked: boolean }>;
}

/** Starts what a click that changes the referral `referralId` needs first (see changesTheReferral). */
export function lookAhead(
  services: ViewerServices & Pick<Services, 'outbox' | 'clock' | 'referrals'>,
  referralId: string,
  actor: Actor,
  click: ClickId | undefined,
): LookAhead {
  const read = services.referrals.getWithClick(referralId, click);
  const held = holdCardTask(services, referralId);
  const viewing = viewerOf(services, referralId, actor);
  // Awaited by the change, or by whoever lets the task go when the click ends otherwise.
  for (const started of [read, held, viewing]) started.catch(() => undefined);
  return { referralId, held, viewing, click, read };
}
