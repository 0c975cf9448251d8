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

/**
 * Field-by-field differences between two flat views of a referral. A field that is null (as
 * in a referral stored as Partner Center wrote it) has no value, like one left out: null to
 * absent is no change, and a change from or to it has an undefined `before` or `after`.
 */
export function diffFields(
  before: Record<string, string | null | undefined>,
  after: Record<string, string | null | undefined>,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const valueOf = (view: Record<string, string | null | undefined>, field: string) => view[field] ?? undefined;
  return fields
    .filter((field) => valueOf(before, field) !== valueOf(after, field))
    .map((field) => ({ field, before: valueOf(before, field), after: valueOf(after, field) }));
}
