import { DateTime } from 'luxon';
import { z } from 'zod';
import { normalizeCountryCode } from '../domain/countries';
import { NEW_DEAL_ID_PREFIX } from '../domain/newDeal';
import type { IncomingReferral } from '../domain/incoming';
import { QUALIFICATIONS, REFERRAL_TYPES, STATUSES, SUBSTATUSES } from '../domain/referral';
import { tooDeep, tooLarge, type LimitProblem } from './jsonLimits';

/** What is wrong with one referral of a delivery. */
export interface ItemProblem {
  index: number;
  id?: string;
  problems: { field: string; message: string }[];
}

const isoInstant = z
  .string()
  .refine((value) => DateTime.fromISO(value, { setZone: true }).isValid, 'must be an ISO-8601 date and time')
  .transform((value) => DateTime.fromISO(value, { setZone: true }).toUTC().toISO()!);

/** What a referral id may look like: safe in a table key and in a URL path. */
export const REFERRAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const REFERRAL_ID_RULE = 'must be 1-128 letters, digits, ".", "_", ":" or "-"';

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const person = z.looseObject({
  firstName: text(200).optional(),
  lastName: text(200).optional(),
  phoneNumber: text(100).optional(),
  email: text(320).optional(),
});

// Partner Center's JSON, as far as the desk reads it. Unknown fields pass through untouched.
const referralSchema = z.looseObject({
  id: z
    .string({ error: 'is required' })
    .regex(REFERRAL_ID_PATTERN, REFERRAL_ID_RULE)
    .refine(
      (id) => !id.toLowerCase().startsWith(NEW_DEAL_ID_PREFIX),
      `must not start with "${NEW_DEAL_ID_PREFIX}", which names the partner's own deals`,
    ),
  name: text(500).optional(),
  /** Partner Center's version of the referral, sent back as If-Match when writing to it. */
  eTag: text(256).optional(),
  status: z.enum(STATUSES).default('New'),
  substatus: z.enum(SUBSTATUSES).default('Received'),
  type: z.enum(REFERRAL_TYPES).default('Independent'),
  qualification: z.enum(QUALIFICATIONS).default('None'),
  createdDateTime: isoInstant.optional(),
  updatedDateTime: isoInstant.optional(),
  expirationDateTime: isoInstant.optional(),
  acceptedDateTime: isoInstant.optional(),
  closedDateTime: isoInstant.optional(),
  customerProfile: z.looseObject(
    {
      name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(500),
      address: z.looseObject(
        {
          country: z.string({ error: 'is required to route the referral' }).transform((value, ctx) => {
            const code = normalizeCountryCode(value);
            if (!code)
              ctx.addIssue({
                code: 'custom',
                message: `"${value}" is not an ISO-3166 alpha-2 country code (like "DE")`,
              });
            return code ?? value;
          }),
        },
        { error: 'is required (with a country to route the referral)' },
      ),
      team: z.array(person).max(50).optional(),
    },
    { error: 'is required' },
  ),
  details: z
    .looseObject({
      notes: text(10_000).optional(),
      dealValue: z.number({ error: 'must be a number' }).nonnegative('must not be negative').optional(),
      currency: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO-4217 code')
        .transform((c) => c.toUpperCase())
        .optional(),
      closingDateTime: isoInstant.optional(),
      customerRequestedContact: z.boolean({ error: 'must be true or false' }).optional(),
    })
    .default({}),
});

/**
 * Checks a delivery (one referral or an array); a referral without a name is named after
 * its customer. Either every item is good, or the problems of every bad item are returned.
 * An item that nests too deep or is too large to store (see jsonLimits) is refused with the
 * field that makes it so, before anything else of it is read. A field that is null (as
 * Partner Center writes a field without a value) is read as absent, at any depth, so the
 * desk never holds null.
 */
export function parseReferrals(body: unknown): { referrals: IncomingReferral[] } | { problems: ItemProblem[] } {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0)
    return { problems: [{ index: 0, problems: [{ field: '(body)', message: 'must hold at least one referral' }] }] };
  const referrals: IncomingReferral[] = [];
  const problems: ItemProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const id = typeof (item as { id?: unknown } | null)?.id === 'string' ? (item as { id: string }).id : undefined;
    const deep = tooDeep(item);
    if (deep) return void problems.push({ index, id, problems: [limitProblem(deep)] });
    const result = referralSchema.safeParse(withoutNulls(item));
    if (!result.success) {
      problems.push({
        index,
        id,
        problems: result.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(referral)',
          message: issue.message,
        })),
      });
      return;
    }
    const data = result.data as unknown as IncomingReferral;
    const referral = { ...data, name: data.name?.trim() || data.customerProfile.name };
    const large = tooLarge(referral);
    if (large) return void problems.push({ index, id, problems: [limitProblem(large)] });
    if (seen.has(referral.id))
      problems.push({ index, id: referral.id, problems: [{ field: 'id', message: 'appears twice in this delivery' }] });
    seen.add(referral.id);
    referrals.push(referral);
  });
  return problems.length > 0 ? { problems } : { referrals };
}

/** `value` with every object property that is null left out, however deep (array items stay where they are). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([name, field]) => [name, withoutNulls(field)]),
  );
}

function limitProblem(problem: LimitProblem): { field: string; message: string } {
  return { field: problem.path.join('.') || '(referral)', message: problem.message };
}
