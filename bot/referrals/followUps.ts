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
 * about conflicts with Partner Center. The card sync runs it for every change, after the
 * change's answer (see holdCardTask); safe to repeat, so one cut short by a crash is completed.
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
