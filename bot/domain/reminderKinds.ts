/**
 * In the card's thread: `responseNudge`, `deadlineReminder`. Direct messages to one person:
 * `deadlineDm` (whoever is to answer), `escalation` (a manager), `staleDeal` (the owner),
 * `snoozed` (whoever snoozed). `cardRefresh`: the card changes by time alone (the customer's
 * contact request gets old). `expire`: the deadline has come. `digest`: a manager's weekly
 * digest (planned per manager, not per referral).
 */
export type ReminderKind =
  | 'responseNudge'
  | 'deadlineReminder'
  | 'deadlineDm'
  | 'escalation'
  | 'staleDeal'
  | 'snoozed'
  | 'cardRefresh'
  | 'expire'
  | 'digest';
