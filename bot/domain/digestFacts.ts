import type { DateTime } from 'luxon';
import type { HistoryEvent } from './history';
import type { ReferralRecord } from './referral';
import { parseInstant } from './timeLimits';

/**
 * What the weekly digest counts. `interested` (the two-step flow's first answer) counts only
 * towards the time to first response; No thanks counts as declined.
 */
export type FactKind = 'received' | 'interested' | 'accepted' | 'declined' | 'expired' | 'won' | 'lost';

/** One thing that happened to a referral, as the digest counts it: one per history event that matters. */
export interface ReferralFact {
  referralId: string;
  /** The revision of the history event it comes from (with the id, it names the fact). */
  revision: number;
  /** The region the referral counts under. */
  region: string;
  kind: FactKind;
  /** ISO instant. */
  at: string;
  /** Who answered, won or lost it (not set for arrival and expiry). */
  by?: { id: string; name: string };
  /** On the referral's first answer (accepted, declined or interested): minutes since it was created. */
  firstResponseMinutes?: number;
  /** On won: the final value. */
  value?: number;
  currency?: string;
}

const KIND_OF: Partial<Record<HistoryEvent['action'], FactKind>> = {
  received: 'received',
  interested: 'interested',
  accept: 'accepted',
  decline: 'declined',
  noThanks: 'declined',
  expire: 'expired',
  win: 'won',
  lose: 'lost',
};

const ANSWERS: readonly FactKind[] = ['interested', 'accepted', 'declined'];

/**
 * The facts of a referral's history (all of it, oldest first, so the first answer is known),
 * for the region it counts under. Pure.
 */
export function factsOf(record: ReferralRecord, events: readonly HistoryEvent[], region: string): ReferralFact[] {
  const created = parseInstant(record.referral.createdDateTime);
  const facts: ReferralFact[] = [];
  let answered = false;
  for (const event of [...events].sort((a, b) => a.revision - b.revision)) {
    const kind = KIND_OF[event.action];
    if (!kind) continue;
    const fact: ReferralFact = { referralId: record.referral.id, revision: event.revision, region, kind, at: event.at };
    if (kind !== 'received' && kind !== 'expired') fact.by = { id: event.actor.id, name: event.actor.name };
    if (ANSWERS.includes(kind) && !answered) {
      answered = true;
      fact.firstResponseMinutes = Math.max(0, Math.round(parseInstant(event.at).diff(created).as('minutes')));
    }
    if (kind === 'won') {
      fact.value = record.referral.details.dealValue;
      fact.currency = record.referral.details.currency;
    }
    facts.push(fact);
  }
  return facts;
}

/** The UTC Monday (yyyy-MM-dd) of the week an instant falls in: facts are kept by it. */
export function weekOf(instant: DateTime): string {
  return instant.toUTC().startOf('week').toISODate()!;
}

/** The weeks (as `weekOf` names them) that the span from `from` to `to` touches, oldest first. */
export function weeksBetween(from: DateTime, to: DateTime): string[] {
  const weeks: string[] = [];
  for (let week = from.toUTC().startOf('week'); week <= to; week = week.plus({ weeks: 1 }))
    weeks.push(week.toISODate()!);
  return weeks;
}
