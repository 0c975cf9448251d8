import type { Activity } from 'botbuilder';

/** The activity a request body holds, or a sentence saying why it holds none. */
export type ActivityReading = { ok: true; activity: Activity } | { ok: false; problem: string };

/** The invoke Teams sends when someone clicks an `Action.Execute` on a card. */
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/**
 * Reads a Teams activity from a parsed request body: a JSON object with a `type`, who sent
 * it, to whom, in which conversation and from which service URL (everything the bot relies
 * on). Timestamps become dates, as the Bot Framework's own reader makes them.
 */
export function readActivity(json: unknown): ActivityReading {
  if (!isObject(json)) return { ok: false, problem: 'The body is not a JSON object (a Bot Framework activity)' };
  if (typeof json.type !== 'string' || json.type === '') return { ok: false, problem: 'The activity has no type' };
  for (const field of ['from', 'recipient', 'conversation'] as const) {
    const party = json[field];
    if (!isObject(party) || typeof party.id !== 'string')
      return { ok: false, problem: `The activity has no ${field}.id` };
  }
  if (typeof json.serviceUrl !== 'string' || json.serviceUrl === '')
    return { ok: false, problem: 'The activity has no serviceUrl' };
  const activity = json as unknown as Activity & Record<string, unknown>;
  const dates = [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const;
  for (const [field, raw] of dates) {
    const value = activity[field];
    if (typeof value !== 'string') continue;
    activity[raw] = value;
    activity[field] = new Date(value);
  }
  return { ok: true, activity };
}

/**
 * Why a card action invoke cannot be handled: its `value` must be an object holding an
 * `action` object of type `Action.Execute` with a string `verb`. Undefined for a sound one,
 * and for every other activity.
 */
export function cardActionProblem(activity: Activity): string | undefined {
  if (activity.type !== 'invoke' || activity.name !== CARD_ACTION_INVOKE) return undefined;
  const value: unknown = activity.value;
  if (!isObject(value)) return 'value must be an object';
  if (!isObject(value.action)) return 'value.action must be an object';
  if (value.action.type !== 'Action.Execute') return 'value.action.type must be Action.Execute';
  if (typeof value.action.verb !== 'string') return 'value.action.verb must be a string';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
