import type { ReferralRecord } from '../domain/referral';
import { indexReferral, type IndexingDeps } from './indexing';
import { planReferral, type PlanningDeps } from './planning';
import type { Notifier, UseCaseDeps } from './ports';

/** What a follow-up uses: planning's and indexing's ports, the write-back queue (when connected) and the log. */
export type FollowUpDeps = PlanningDeps & IndexingDeps & Pick<UseCaseDeps, 'writeBack' | 'log'>;

/**
 * What every change of a referral is followed by: its plan of due work, its index rows, its
 * write-back to Partner Center (queued when there is something to write), and (with `tell`)
 * direct messages (through its notifier) to the people who now work on it and to its owner
 * about conflicts with Partner Center. Safe to repeat; the card
 * sync repeats it for every change, so one cut short by a crash is completed. The messages
 * go from there only, so the user who clicked is answered without waiting for them.
 */
export async function followUp(
  deps: FollowUpDeps,
  record: ReferralRecord,
  options: { tell?: Notifier } = {},
): Promise<void> {
  await planReferral(deps, record);
  await indexReferral(deps, record);
  await deps.writeBack?.queue(record);
  if (options.tell) {
    await options.tell.tellNewPeople(record);
    await options.tell.tellConflicts(record);
  }
}

/**
 * The follow-up of a change already saved, in a request whose user must hear that it was: a
 * failure (storage busy or out of reach for a moment) is logged and left to the card sync,
 * whose task the change queued before it was saved and which repeats the follow-up until it
 * succeeds. Nobody is told "nothing was changed" about a change that was kept.
 */
export async function followUpSaved(deps: FollowUpDeps, record: ReferralRecord): Promise<void> {
  try {
    await followUp(deps, record);
  } catch (error) {
    deps.log.error(`referral ${record.referral.id} is saved; the card sync completes what follows the change`, error);
  }
}
