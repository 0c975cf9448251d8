import { literal } from '../../../cards/literal';
import { sharedFieldsOf, type SyncConflict } from '../../domain/partnerCenterCopy';
import type { ReferralRecord } from '../../domain/referral';
import { syncStatusOf } from '../../domain/writeBackPlan';
import type { Strings } from '../../strings/en';

/**
 * How writing the referral back to Partner Center stands, for its card (Partner Center's
 * reason shown as it came); nothing when the desk does not write back.
 */
export function syncStatusText(record: ReferralRecord, strings: Strings): string | undefined {
  const state = record.desk.partnerCenter;
  if (!state?.writesBack) return undefined;
  const t = strings.partnerCenterSync;
  switch (syncStatusOf(state, sharedFieldsOf(record.referral))) {
    case 'synced':
      return t.synced;
    case 'pending':
      return state.failure ? t.retrying(literal(state.failure.reason)) : t.pending;
    case 'failed':
      return t.failed(state.failure?.reason ? literal(state.failure.reason) : t.closedThere);
    case 'conflict':
      return t.conflict(conflictFields(state.conflicts ?? [], strings));
  }
}

/** The fields of the conflicts, as the history names them. */
export function conflictFields(conflicts: readonly SyncConflict[], strings: Strings): string {
  const label = (field: SyncConflict['field']) => {
    const key = field === 'lifecycle' ? 'status' : field === 'consent' ? 'visibleToMicrosoft' : field;
    return strings.history.field[key] ?? key;
  };
  return strings.format.list(...conflicts.map((conflict) => label(conflict.field)));
}
