/**
 * How deep and how large delivered JSON may be, checked before anything of it is stored.
 * Pure; both checks walk the JSON without recursion, so no depth can overflow the stack.
 */
import { MAX_REFERRAL_JSON_CHARS } from '../store';

/** How deep a delivered referral may nest (Partner Center's own nests about six levels). */
export const MAX_JSON_DEPTH = 32;

/**
 * The most characters of JSON one delivered referral may have. It is stored in one table
 * entity together with the desk's state, which may keep Partner Center's copy of the fields
 * the desk writes back beside the desk's own values: so a referral gets at most half of what
 * the entity holds, less room for the desk's other fields.
 */
export const MAX_REFERRAL_CHARS = Math.floor(MAX_REFERRAL_JSON_CHARS / 2) - 25_000;

/** Where a value breaks a limit: its path (field names and array indexes) and why. */
export interface LimitProblem {
  path: (string | number)[];
  message: string;
}

/** The path of the first object or array that nests deeper than `maxDepth` (the value itself is level 1), or undefined. */
export function tooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH): LimitProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value !== 'object' || node.value === null) continue;
    if (node.path.length >= maxDepth) return { path: node.path, message: `nests deeper than ${maxDepth} levels` };
    const entries = Array.isArray(node.value)
      ? node.value.map((item, index) => [index, item] as const)
      : Object.entries(node.value);
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push({ value: entries[i][1], path: [...node.path, entries[i][0]] });
  }
  return undefined;
}

/**
 * Whether a referral's JSON is longer than `maxChars`: if so, the field that makes it so
 * (the largest part, followed down as long as one part is most of its parent) and the sizes.
 * Check `tooDeep` first: measuring serializes the value.
 */
export function tooLarge(referral: unknown, maxChars = MAX_REFERRAL_CHARS): LimitProblem | undefined {
  const total = charsOf(referral);
  if (total <= maxChars) return undefined;
  const path: (string | number)[] = [];
  let node = referral;
  let size = total;
  for (;;) {
    const largest = largestPart(node);
    if (!largest || largest.size * 2 <= size) break;
    path.push(largest.key);
    node = largest.value;
    size = largest.size;
  }
  const whole = `${total.toLocaleString('en-US')} characters as JSON; a referral may have at most ${maxChars.toLocaleString('en-US')}`;
  if (path.length === 0) return { path, message: `is ${whole}` };
  return { path, message: `is ${size.toLocaleString('en-US')} characters and makes the referral ${whole}` };
}

function charsOf(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

function largestPart(value: unknown): { key: string | number; value: unknown; size: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  let largest: { key: string | number; value: unknown; size: number } | undefined;
  for (const [key, part] of entries) {
    const size = charsOf(part);
    if (!largest || size > largest.size) largest = { key, value: part, size };
  }
  return largest;
}
