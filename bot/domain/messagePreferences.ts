import type { ReminderKind } from './reminderKinds';

/**
 * The direct messages a user may turn off. A reminder they snoozed themselves always comes
 * back: they asked for it.
 */
export const DIRECT_MESSAGE_KINDS = ['reminders', 'escalations', 'staleDeals', 'notices'] as const;
export type DirectMessageKind = (typeof DIRECT_MESSAGE_KINDS)[number];

const KIND_OF: Partial<Record<ReminderKind, DirectMessageKind>> = {
  deadlineDm: 'reminders',
  escalation: 'escalations',
  staleDeal: 'staleDeals',
};

/** The setting that turns a piece of planned work off for its recipient; none for work nobody may turn off. */
export function preferenceOf(kind: ReminderKind): DirectMessageKind | undefined {
  return KIND_OF[kind];
}

export function isDirectMessageKind(value: string): value is DirectMessageKind {
  return (DIRECT_MESSAGE_KINDS as readonly string[]).includes(value);
}
