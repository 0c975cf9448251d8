import { DateTime } from 'luxon';
import { tooDeep } from './jsonLimits';
import { REFERRAL_ID_PATTERN, REFERRAL_ID_RULE } from './referralSchema';

/** The referral events a desk registers for with Partner Center's webhook API. */
export const REFERRAL_EVENT_NAMES = [
  'referral-created',
  'referral-updated',
  'related-referral-created',
  'related-referral-updated',
] as const;
export type ReferralEventName = (typeof REFERRAL_EVENT_NAMES)[number];

/** Every event the desk understands: the referral events and Partner Center's test delivery. */
export const WEBHOOK_EVENT_NAMES = [...REFERRAL_EVENT_NAMES, 'test-created'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];

/**
 * One webhook delivery, as the desk acts on it. A referral event names the referral to GET
 * from the Referrals API (the event does not carry it); a test delivery names none, since its
 * `ResourceUri` points at the registration's validation event, not at a referral.
 */
export type PartnerCenterEvent =
  | { event: ReferralEventName; referralId: string; changedAt: DateTime }
  | { event: 'test-created'; referralId?: undefined; changedAt: DateTime };

/** A field of the event body that is missing or wrong, and why. */
export interface EventProblem {
  field: string;
  message: string;
}

/**
 * What a webhook delivery says to the desk: a referral event or a test delivery to act on; an
 * event of another kind, which the desk leaves alone (Partner Center sends every event the
 * partner registered for to the same URL, e.g. `azure-fraud-event-detected`); or a body that
 * is no event the desk can read, with every problem found.
 */
export type WebhookEventReading =
  | { kind: 'event'; event: PartnerCenterEvent }
  | { kind: 'ignored'; eventName: string }
  | { kind: 'invalid'; problems: EventProblem[] };

/**
 * Reads the JSON body of a Partner Center webhook delivery:
 * `{ EventName, ResourceUri, ResourceName, AuditUri, ResourceChangeUtcDate }`.
 *
 * The field names are matched exactly (PascalCase): every published sample of Partner
 * Center's deliveries spells them so, and none shows camelCase. An `EventName` that is
 * neither a referral event nor `test-created` is ignored, whatever else the body holds (other
 * events have other resources). A referral event's `ResourceUri` must end in
 * `/referrals/{id}`; `ResourceChangeUtcDate` is read as UTC when it carries no offset, and may
 * have more fractional digits than milliseconds (Partner Center sends seven). An event that
 * nests deeper than any event does is refused (see jsonLimits). Pure: the event, the name of
 * the event ignored, or every problem found, each naming its field.
 */
export function parseWebhookEvent(body: unknown): WebhookEventReading {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'invalid', problems: [{ field: '(body)', message: 'must be a JSON object' }] };
  }
  const deep = tooDeep(body);
  if (deep) return { kind: 'invalid', problems: [{ field: deep.path.join('.'), message: deep.message }] };
  const fields = body as Record<string, unknown>;
  const problems: EventProblem[] = [];

  const name = fields.EventName;
  let event: WebhookEventName | undefined;
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push({ field: 'EventName', message: 'is required (a string)' });
  } else if ((WEBHOOK_EVENT_NAMES as readonly string[]).includes(name)) {
    event = name as WebhookEventName;
  } else {
    return { kind: 'ignored', eventName: name };
  }

  const referralId = event === 'test-created' ? undefined : referralIdOf(fields.ResourceUri, problems);
  if (event === 'test-created' && typeof fields.ResourceUri !== 'string') {
    problems.push({ field: 'ResourceUri', message: 'is required (a string)' });
  }
  if (fields.ResourceName !== undefined && typeof fields.ResourceName !== 'string') {
    problems.push({ field: 'ResourceName', message: 'must be a string' });
  }
  if (fields.AuditUri !== undefined && fields.AuditUri !== null && typeof fields.AuditUri !== 'string') {
    problems.push({ field: 'AuditUri', message: 'must be a string or null' });
  }
  const changedAt = changeDateOf(fields.ResourceChangeUtcDate, problems);

  if (problems.length > 0 || !event || !changedAt) return { kind: 'invalid', problems };
  if (event === 'test-created') return { kind: 'event', event: { event, changedAt } };
  return { kind: 'event', event: { event, referralId: referralId!, changedAt } };
}

function referralIdOf(value: unknown, problems: EventProblem[]): string | undefined {
  if (typeof value !== 'string') {
    problems.push({ field: 'ResourceUri', message: 'is required (a string)' });
    return undefined;
  }
  let path: string;
  try {
    path = new URL(value).pathname;
  } catch {
    problems.push({ field: 'ResourceUri', message: `"${value}" is not an absolute URI` });
    return undefined;
  }
  const segments = path.split('/');
  const id = segments[segments.length - 1];
  if (segments.length < 3 || segments[segments.length - 2] !== 'referrals' || id === '') {
    problems.push({ field: 'ResourceUri', message: `"${value}" does not end in /referrals/{id}` });
    return undefined;
  }
  if (!REFERRAL_ID_PATTERN.test(id)) {
    problems.push({ field: 'ResourceUri', message: `the referral id "${id}" ${REFERRAL_ID_RULE}` });
    return undefined;
  }
  return id;
}

function changeDateOf(value: unknown, problems: EventProblem[]): DateTime | undefined {
  if (typeof value !== 'string') {
    problems.push({ field: 'ResourceChangeUtcDate', message: 'is required (an ISO-8601 date and time)' });
    return undefined;
  }
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? DateTime.fromISO(value, { zone: 'utc' }) : undefined;
  if (!parsed?.isValid) {
    problems.push({ field: 'ResourceChangeUtcDate', message: `"${value}" is not an ISO-8601 date and time` });
    return undefined;
  }
  return parsed;
}
