import type { Actor, LifecycleAction, ReferralRecord } from './referral';

/** Actions on a deal someone owns: only the people working it may take them. */
export const DEAL_ACTIONS: readonly LifecycleAction[] = ['win', 'lose'];

export function isDealAction(action: LifecycleAction): boolean {
  return DEAL_ACTIONS.includes(action);
}

/** Whether `actor` works this deal: its owner. Anyone may answer a received referral. */
export function mayWorkOn(record: ReferralRecord, actor: Pick<Actor, 'id'>): boolean {
  return record.desk.owner?.id === actor.id;
}
