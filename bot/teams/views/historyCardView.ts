import { literal } from '../../../cards/literal';
import type { AdaptiveCard } from '../../../cards/render';
import { renderHistoryCard, type HistoryEntry } from '../../../cards/historyCard';
import type { FieldChange, HistoryEvent } from '../../domain/history';
import { PARTNER_CENTER_ACTOR } from '../../domain/incoming';
import {
  REFERRAL_TYPES,
  type Referral,
  type ReferralRecord,
  type ReferralType,
  type SalesStage,
} from '../../domain/referral';
import { salesStageStart } from '../../domain/salesStage';
import { stageOf } from '../../domain/stage';
import { parseInstant } from '../../domain/timeLimits';
import type { Strings } from '../../strings/en';
import { cardDateTime, clip, money, plainDate, reasonText } from './format';

/** A card stays well under Teams' size limit with this many entries. */
export const MAX_HISTORY_ENTRIES = 40;
const MAX_VALUE_CHARS = 160;

/**
 * A referral's timeline, newest first: what happened, who did it, when, and each field
 * before → after. Names and free text are shown as they were typed; values the desk knows
 * (money, dates, stages, types, reasons) in the reader's words.
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
    entries: shown.map((event) => entry(event, record, strings)),
    backTitle: h.back,
  });
}

/** An event's amounts are in the referral's currency now, unless the event changed the currency too. */
function entry(event: HistoryEvent, record: ReferralRecord, strings: Strings): HistoryEntry {
  const h = strings.history;
  const currency = record.referral.details.currency;
  const currencyChange = event.changes.find((change) => change.field === 'currency');
  const context: ValueContext = {
    currency: currencyChange
      ? { before: currencyChange.before ?? undefined, after: currencyChange.after ?? undefined }
      : { before: currency, after: currency },
    start: salesStageStart(record),
  };
  return {
    // What Partner Center did says so already: its name again after it would be said twice.
    heading:
      event.actor.id === PARTNER_CENTER_ACTOR.id
        ? h.action[event.action]
        : h.heading(h.action[event.action], literal(event.actor.name)),
    when: cardDateTime(parseInstant(event.at)),
    changes: event.changes.map((change) => changeLine(change, context, strings)),
  };
}

function changeLine(change: FieldChange, context: ValueContext, strings: Strings): string {
  const h = strings.history;
  // Events stored before null was read as absent may hold null for "no value".
  const show = (value: string | null | undefined, side: 'before' | 'after') =>
    value === undefined || value === null
      ? change.field === 'salesStage'
        ? strings.salesStage[context.start]
        : h.empty
      : fieldValue(change.field, clip(value, MAX_VALUE_CHARS), context.currency[side], strings);
  return h.change(h.field[change.field] ?? change.field, show(change.before, 'before'), show(change.after, 'after'));
}

/** What an event's values are read with: the currency of its amounts before and after, and the start a deal without a sales stage is at. */
interface ValueContext {
  currency: { before?: string; after?: string };
  start: ReturnType<typeof salesStageStart>;
}

/** A snooze as a stored value holds it ("Alice until 2026-11-24T08:00:00Z"), one of a list. */
const SNOOZE = /(.+?) until (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)(?:, |$)/gy;

/**
 * Amounts as money, dates read as dates, snooze times in each reader's own zone, Partner
 * Center's status, sales stage, referral type and documented reasons and the desk's yes in
 * the reader's words; everything else as typed.
 */
function fieldValue(field: string, value: string, currency: string | undefined, strings: Strings): string {
  if (field === 'dealValue' && value.trim() !== '' && Number.isFinite(Number(value)))
    return money(Number(value), currency, strings.format);
  if (field === 'type' && (REFERRAL_TYPES as readonly string[]).includes(value))
    return strings.history.referralType[value as ReferralType];
  if (field === 'statusReason') return reasonText(value, strings);
  if (field === 'closingDateTime') return plainDate(parseInstant(value), strings.format);
  if (field === 'expirationDateTime' || field === 'evaluatingSince') return cardDateTime(parseInstant(value));
  if (field === 'status') {
    const [status, substatus] = value.split('/');
    return strings.stage[stageOf({ status, substatus } as Pick<Referral, 'status' | 'substatus'>)];
  }
  if (field === 'salesStage' && Object.prototype.hasOwnProperty.call(strings.salesStage, value))
    return strings.salesStage[value as SalesStage];
  if (field === 'visibleToMicrosoft' && value === 'yes') return strings.newDeal.yes;
  if (field === 'snoozed') return snoozes(value, strings) ?? literal(value);
  return literal(value);
}

/** Each snooze of a stored value, its name as typed and its time in the reader's zone; undefined if it is not one. */
function snoozes(value: string, strings: Strings): string | undefined {
  const found = [...value.matchAll(SNOOZE)];
  const read = found.reduce((length, match) => length + match[0].length, 0);
  if (found.length === 0 || read !== value.length) return undefined;
  return strings.format.list(
    ...found.map(([, who, until]) => strings.history.snoozedUntil(literal(who), cardDateTime(parseInstant(until)))),
  );
}
