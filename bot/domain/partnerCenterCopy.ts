import type { Referral } from './referral';
import type {
  Lifecycle,
  PartnerCenterCopy,
  PartnerCenterState,
  SharedField,
  SharedFields,
  SyncConflict,
} from './partnerCenterState';

export type { Lifecycle, PartnerCenterCopy, PartnerCenterState, SharedField, SharedFields, SyncConflict };

/** The fields written back to Partner Center, in the order a patch lists them. */
export const WRITTEN_FIELDS = [
  'lifecycle',
  'dealValue',
  'currency',
  'closingDateTime',
  'notes',
  'salesStage',
  'solutions',
  'team',
  'externalReferenceId',
  'campaignId',
] as const satisfies readonly SharedField[];

export type WrittenField = (typeof WRITTEN_FIELDS)[number];

const SHARED_FIELDS: readonly SharedField[] = [...WRITTEN_FIELDS, 'name', 'type', 'consent'];

/** How far along a lifecycle is: New 0, Active 1, Closed 2 (Partner Center moves only forward). */
export function rankOf(lifecycle: Lifecycle): number {
  return lifecycle.status === 'Closed' ? 2 : lifecycle.status === 'Active' ? 1 : 0;
}

export function isWritten(field: SharedField): field is WrittenField {
  return (WRITTEN_FIELDS as readonly SharedField[]).includes(field);
}

export function sharedFieldsOf(referral: Referral): SharedFields {
  const { details } = referral;
  return {
    lifecycle: { status: referral.status, substatus: referral.substatus, statusReason: referral.statusReason },
    salesStage: referral.salesStage,
    dealValue: details.dealValue,
    currency: details.currency,
    closingDateTime: details.closingDateTime,
    notes: details.notes,
    solutions: details.requirements?.solutions,
    team: referral.team,
    externalReferenceId: referral.externalReferenceId,
    campaignId: referral.campaignId,
    name: referral.name,
    type: referral.type,
    consent: referral.consent,
  };
}

/** The referral with these values of the shared fields; everything else as it is. */
export function withSharedFields(referral: Referral, fields: SharedFields): Referral {
  const { requirements } = referral.details;
  return withoutUndefined({
    ...referral,
    status: fields.lifecycle.status,
    substatus: fields.lifecycle.substatus,
    statusReason: fields.lifecycle.statusReason,
    salesStage: fields.salesStage,
    team: fields.team,
    externalReferenceId: fields.externalReferenceId,
    campaignId: fields.campaignId,
    name: fields.name,
    type: fields.type,
    consent: fields.consent,
    details: withoutUndefined({
      ...referral.details,
      dealValue: fields.dealValue,
      currency: fields.currency,
      closingDateTime: fields.closingDateTime,
      notes: fields.notes,
      requirements:
        requirements || fields.solutions
          ? withoutUndefined({ ...requirements, solutions: fields.solutions })
          : undefined,
    }),
  });
}

/** The object without its keys that hold `undefined`, as a referral read back from JSON is. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Whether two values of a field are the same (instants compared as instants, objects by content). */
export function sameValue(field: SharedField, a: unknown, b: unknown): boolean {
  if (field === 'closingDateTime' && typeof a === 'string' && typeof b === 'string')
    return Date.parse(a) === Date.parse(b);
  return canonical(a) === canonical(b);
}

/** Whether a value counts as none: absent, null, empty text or an empty list. */
export function isNone(value: unknown): boolean {
  return canonical(value) === '';
}

/** JSON with keys sorted and absent, null and empty values alike, so equal content compares equal. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return undefined;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)));
      }
      return v;
    }) ?? ''
  );
}

/** The shared fields whose values differ between `a` and `b`. */
export function differingFields(
  a: SharedFields,
  b: SharedFields,
  fields: readonly SharedField[] = SHARED_FIELDS,
): SharedField[] {
  return fields.filter((field) => !sameValue(field, a[field], b[field]));
}

export interface Merged {
  fields: SharedFields;
  conflicts: SyncConflict[];
}

/**
 * Three-way merge of the desk's fields with Partner Center's newer copy, against the copy
 * both started from: a field only the desk changed keeps the desk's value (still to be
 * written), a field only Partner Center changed takes its value, and a field both changed
 * differently is a conflict that keeps Partner Center's value, so nothing is overwritten
 * silently either way. A referral Partner Center has just closed takes nothing more: every
 * change the desk had still to write to it is a conflict. Pure.
 */
export function mergeCopies(ours: SharedFields, base: SharedFields, theirs: SharedFields): Merged {
  const fields: SharedFields = { ...theirs };
  const conflicts: SyncConflict[] = [];
  const closedThere = theirs.lifecycle.status === 'Closed' && base.lifecycle.status !== 'Closed';
  // Partner Center is on the way to the desk's lifecycle (the accept of an accept-then-won was written): not a change of its own.
  const onTheWay =
    rankOf(base.lifecycle) < rankOf(theirs.lifecycle) && rankOf(theirs.lifecycle) < rankOf(ours.lifecycle);
  for (const field of SHARED_FIELDS) {
    const oursChanged = !sameValue(field, ours[field], base[field]);
    if (!oursChanged || sameValue(field, ours[field], theirs[field])) continue;
    const theirsChanged = !sameValue(field, theirs[field], base[field]) && !(field === 'lifecycle' && onTheWay);
    if (theirsChanged || (closedThere && isWritten(field)))
      conflicts.push({ field, ours: ours[field], theirs: theirs[field] });
    else (fields as unknown as Record<string, unknown>)[field] = ours[field];
  }
  return { fields, conflicts };
}

/** The copy's fields that differ from the referral's, as stored (null where the copy has no value); usually none. */
export type CopyDelta = Partial<Record<SharedField, unknown>>;

export function copyDelta(fields: SharedFields, referral: Referral): CopyDelta {
  const ours = sharedFieldsOf(referral);
  return Object.fromEntries(differingFields(fields, ours).map((field) => [field, fields[field] ?? null]));
}

/** The copy's fields again, from the referral and what differed. */
export function copyFromDelta(delta: CopyDelta, referral: Referral): SharedFields {
  const fields = { ...sharedFieldsOf(referral) } as Record<SharedField, unknown>;
  for (const [field, value] of Object.entries(delta) as [SharedField, unknown][]) fields[field] = value ?? undefined;
  return fields as unknown as SharedFields;
}
