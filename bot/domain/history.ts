import type { Actor, LifecycleAction } from './referral';

/** One field's value before and after a change, as text fit for a timeline. */
export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
}

/** A referral's history entry: who did what, when, and what changed. */
export interface HistoryEvent {
  referralId: string;
  /** The referral revision this event produced (1 for arrival). */
  revision: number;
  at: string;
  actor: Actor;
  action: LifecycleAction | 'received' | 'updated' | 'create';
  changes: FieldChange[];
}

/** Field-by-field differences between two flat views of a referral. */
export function diffFields(before: Record<string, string | undefined>, after: Record<string, string | undefined>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
}
