import { literal } from '../../../cards/literal';
import type { AdaptiveCard } from '../../../cards/render';
import { renderHistoryCard, type HistoryEntry } from '../../../cards/historyCard';
import type { FieldChange, HistoryEvent } from '../../domain/history';
import type { ReferralRecord } from '../../domain/referral';
import { parseInstant } from '../../domain/timeLimits';
import type { Strings } from '../../strings/en';
import { cardDateTime, clip, plainDate } from './format';

/** A card stays well under Teams' size limit with this many entries. */
export const MAX_HISTORY_ENTRIES = 40;
const MAX_VALUE_CHARS = 160;

/**
 * A referral's timeline, newest first: what happened, who did it, when, and each field
 * before → after. Names and values are shown as they were typed.
 */
export function historyCard(record: ReferralRecord, events: readonly HistoryEvent[], strings: Strings): AdaptiveCard {
  const h = strings.history;
  const newestFirst = [...events].reverse();
  const shown = newestFirst.slice(0, MAX_HISTORY_ENTRIES);
  return renderHistoryCard({
    referralId: record.referral.id,
    title: h.title(literal(record.referral.name || record.referral.customerProfile.name)),
    subtitle: h.subtitle(events.length),
    earlier: newestFirst.length > shown.length ? h.earlier(newestFirst.length - shown.length) : '',
    entries: shown.map((event) => entry(event, strings)),
    backTitle: h.back,
  });
}

function entry(event: HistoryEvent, strings: Strings): HistoryEntry {
  const h = strings.history;
  return {
    heading: h.heading(h.action[event.action], literal(event.actor.name)),
    when: cardDateTime(parseInstant(event.at)),
    changes: event.changes.map((change) => changeLine(change, strings)),
  };
}

function changeLine(change: FieldChange, strings: Strings): string {
  const h = strings.history;
  // Events stored before null was read as absent may hold null for "no value".
  const show = (value: string | null | undefined) =>
    value === undefined || value === null ? h.empty : fieldValue(change.field, clip(value, MAX_VALUE_CHARS), strings);
  return h.change(h.field[change.field] ?? change.field, show(change.before), show(change.after));
}

/** An instant in a stored value, captured so that splitting the value keeps it. */
const INSTANT = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)/;

/** Dates read as dates, snooze times in each reader's own zone; everything else as typed. */
function fieldValue(field: string, value: string, strings: Strings): string {
  if (field === 'closingDateTime') return plainDate(parseInstant(value), strings.format);
  if (field === 'expirationDateTime') return cardDateTime(parseInstant(value));
  // "Alice until 2026-11-24T08:00:00Z": the names as typed, every other part an instant.
  if (field === 'snoozed') {
    return value
      .split(INSTANT)
      .map((part, i) => (i % 2 === 1 ? cardDateTime(parseInstant(part)) : literal(part)))
      .join('');
  }
  return literal(value);
}
