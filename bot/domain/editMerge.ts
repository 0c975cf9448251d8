import { EDIT_FIELDS, type EditField, type EditInput, type EditValues } from './commands';
import type { HistoryEvent } from './history';
import type { Actor, ReferralRecord } from './referral';
import { parseInstant } from './timeLimits';

/** The name each field has in a referral's history (see historyView). */
const HISTORY_FIELD: Record<EditField, string> = {
  dealName: 'name',
  dealValue: 'dealValue',
  currency: 'currency',
  closingDate: 'closingDateTime',
  salesStage: 'salesStage',
  notes: 'deskNotes',
  crmId: 'externalReferenceId',
  campaignId: 'campaignId',
};

/** The deal's values as the Edit form shows them. */
export function editValuesOf(record: ReferralRecord): EditValues {
  const { referral } = record;
  return {
    dealName: referral.name ?? '',
    dealValue:
      referral.details.dealValue === undefined || referral.details.dealValue === null
        ? ''
        : String(referral.details.dealValue),
    currency: referral.details.currency ?? '',
    closingDate: referral.details.closingDateTime
      ? (parseInstant(referral.details.closingDateTime).toISODate() ?? '')
      : '',
    salesStage: referral.salesStage ?? '',
    notes: record.desk.notes ?? '',
    crmId: referral.externalReferenceId ?? '',
    campaignId: referral.campaignId ?? '',
  };
}

/** What the form values were opened with, read from a submitted form; undefined when it carries none (or not all). */
export function readEditValues(value: unknown): EditValues | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const fields = parsed as Record<string, unknown>;
  return EDIT_FIELDS.every((field) => typeof fields[field] === 'string') ? (fields as EditValues) : undefined;
}

function submittedValues(input: EditInput): EditValues {
  return {
    dealName: input.dealName,
    dealValue: Number.isFinite(input.dealValue) ? String(input.dealValue) : '',
    currency: input.currency,
    closingDate: input.closingDate,
    salesStage: input.salesStage,
    notes: input.notes ?? '',
    crmId: input.crmId ?? '',
    campaignId: input.campaignId ?? '',
  };
}

/**
 * A saved Edit form merged with what changed since it was opened (`base`): a field the user
 * left as it was keeps the deal's current value, so a save never takes back someone else's
 * newer change; a field the user changed takes their value. A field both changed, to
 * different values, is a conflict: nothing is saved and the fields are named. Without a
 * base (a form from before forms carried one) the form is taken as it is.
 */
export function mergeEdit(
  input: EditInput,
  base: EditValues | undefined,
  record: ReferralRecord,
): { input: EditInput } | { conflicts: EditField[] } {
  if (!base) return { input };
  const submitted = submittedValues(input);
  const current = editValuesOf(record);
  const conflicts = EDIT_FIELDS.filter(
    (f) => submitted[f] !== base[f] && current[f] !== base[f] && current[f] !== submitted[f],
  );
  if (conflicts.length > 0) return { conflicts };
  const untouched = (field: EditField) => submitted[field] === base[field];
  const { referral } = record;
  return {
    input: {
      ...input,
      dealName: untouched('dealName') ? current.dealName : input.dealName,
      dealValue:
        untouched('dealValue') && referral.details.dealValue !== undefined
          ? referral.details.dealValue
          : input.dealValue,
      currency: untouched('currency') ? current.currency : input.currency,
      closingDate: untouched('closingDate') ? current.closingDate : input.closingDate,
      salesStage: untouched('salesStage') ? current.salesStage : input.salesStage,
      notes: untouched('notes') ? current.notes : input.notes,
      crmId: untouched('crmId') ? current.crmId : input.crmId,
      campaignId: untouched('campaignId') ? current.campaignId : input.campaignId,
    },
  };
}

/** Who last changed any of `fields`, by the referral's history (oldest first); undefined when nobody did. */
export function lastChangerOf(events: readonly HistoryEvent[], fields: readonly EditField[]): Actor | undefined {
  const names = new Set(fields.map((field) => HISTORY_FIELD[field]));
  return [...events].reverse().find((event) => event.changes.some((change) => names.has(change.field)))?.actor;
}
