/**
 * `PATCH /referrals/{id}` as a pure function: a JSON Patch (RFC 6902) of `replace`/`add`
 * operations on the paths Partner Center lets partners change, checked value by value
 * and against the status rules, applied to a copy of the referral.
 */
import { DateTime } from 'luxon';
import { PATCHABLE_PATHS, type PatchablePath } from '../../bot/domain/patchOperations';
import { transitionProblem } from './statusTransitions';

/** The paths a partner may change are the client's (partner-center-api.md, "Patchable"). */
export { PATCHABLE_PATHS, type PatchablePath };

/** The operations accepted; `remove`, `move`, `copy` and `test` are not. */
export const PATCH_OPS = ['replace', 'add'] as const;

/** Why a patch was refused: `path` is the JSON pointer it is about (or `/<index>` of a malformed operation). */
export interface PatchProblem {
  path: string;
  message: string;
}

/** One accepted operation, as it was applied. */
export interface AppliedOperation {
  op: (typeof PATCH_OPS)[number];
  path: PatchablePath;
  value: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (max: number) => (value: unknown) =>
  typeof value !== 'string' ? 'must be a string' : value.length > max ? `must be at most ${max} characters` : undefined;

const oneOf = (values: readonly string[]) => (value: unknown) =>
  typeof value === 'string' && values.includes(value) ? undefined : `must be one of ${values.join(', ')}`;

const listOf = (max: number, item: (value: unknown) => string | undefined) => (value: unknown) => {
  if (!Array.isArray(value)) return 'must be an array';
  if (value.length > max) return `must hold at most ${max} items`;
  for (const [index, element] of value.entries()) {
    const problem = item(element);
    if (problem) return `item ${index}: ${problem}`;
  }
  return undefined;
};

const solution = (value: unknown) => {
  if (!isObject(value)) return 'must be an object like { "id": "…", "name": "…" }';
  if (typeof value.id !== 'string' || value.id.trim() === '') return 'needs an id (a string)';
  for (const field of ['name', 'type'] as const)
    if (value[field] !== undefined && typeof value[field] !== 'string') return `${field} must be a string`;
  return undefined;
};

const member = (value: unknown) => {
  if (!isObject(value)) return 'must be an object like { "firstName": "…", "email": "…" }';
  for (const field of ['firstName', 'lastName', 'phoneNumber', 'email'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') return `${field} must be a string`;
  }
  if (typeof value.email === 'string' && !/^[^\s@]+@[^\s@]+$/.test(value.email))
    return `"${value.email}" is not an e-mail address`;
  return undefined;
};

const VALUE_CHECKS: Record<PatchablePath, (value: unknown) => string | undefined> = {
  '/status': oneOf(['New', 'Active', 'Closed']),
  '/substatus': oneOf(['Pending', 'Received', 'Accepted', 'Won', 'Lost', 'Declined', 'Expired']),
  '/statusReason': text(1000),
  // Partner Center's sales-stage wire values are unconfirmed: any short text is taken.
  '/salesStage': (value) => text(100)(value) ?? (String(value).trim() === '' ? 'must not be empty' : undefined),
  '/details/dealValue': (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : 'must be a number, zero or more',
  '/details/currency': (value) =>
    typeof value === 'string' && /^[A-Za-z]{3}$/.test(value) ? undefined : 'must be a three-letter ISO-4217 code',
  '/details/closingDateTime': (value) =>
    typeof value === 'string' && DateTime.fromISO(value, { setZone: true }).isValid
      ? undefined
      : 'must be an ISO-8601 date and time',
  '/details/notes': text(10_000),
  '/details/requirements/solutions': listOf(100, solution),
  '/team': listOf(50, member),
  '/externalReferenceId': text(200),
  '/campaignId': text(200),
};

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('/').slice(1);
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    // Partner Center answers a patch of a member whose parent is absent by creating it.
    node[segment] = isObject(node[segment]) ? { ...node[segment] } : {};
    node = node[segment] as Record<string, unknown>;
  }
  node[segments[segments.length - 1]] = structuredClone(value);
}

/** Reads a patch body into operations, or says which operation is malformed. */
export function readPatchOperations(body: unknown): { operations: AppliedOperation[] } | { problem: PatchProblem } {
  if (!Array.isArray(body))
    return { problem: { path: '/', message: 'the body must be a JSON Patch array of operations' } };
  if (body.length === 0) return { problem: { path: '/', message: 'the patch holds no operations' } };
  const operations: AppliedOperation[] = [];
  for (const [index, operation] of body.entries()) {
    if (!isObject(operation))
      return {
        problem: { path: `/${index}`, message: `operation ${index} must be an object with op, path and value` },
      };
    const { op, path, value } = operation;
    if (typeof path !== 'string') return { problem: { path: `/${index}`, message: `operation ${index} has no path` } };
    if (typeof op !== 'string' || !(PATCH_OPS as readonly string[]).includes(op)) {
      return {
        problem: { path, message: `${path}: op "${String(op)}" is not supported; use ${PATCH_OPS.join(' or ')}` },
      };
    }
    if (!(PATCHABLE_PATHS as readonly string[]).includes(path)) {
      return {
        problem: { path, message: `${path} cannot be changed; the patchable paths are ${PATCHABLE_PATHS.join(', ')}` },
      };
    }
    if (!('value' in operation)) return { problem: { path, message: `${path}: the operation has no value` } };
    const problem = VALUE_CHECKS[path as PatchablePath](value);
    if (problem) return { problem: { path, message: `${path} ${problem}` } };
    operations.push({ op: op as AppliedOperation['op'], path: path as PatchablePath, value });
  }
  return { operations };
}

/**
 * The referral after `operations`, stamped `now`: updatedDateTime, and acceptedDateTime or
 * closedDateTime when it becomes Active or Closed. Or the problem that refuses the patch.
 */
export function applyReferralPatch(
  referral: Record<string, unknown>,
  operations: readonly AppliedOperation[],
  now: DateTime,
): { referral: Record<string, unknown> } | { problem: PatchProblem } {
  const next = structuredClone(referral);
  for (const operation of operations) setAt(next, operation.path, operation.value);
  const touched = {
    status: operations.some((o) => o.path === '/status'),
    substatus: operations.some((o) => o.path === '/substatus'),
  };
  const from = { status: String(referral.status ?? 'New'), substatus: String(referral.substatus ?? 'Received') };
  const to = { status: String(next.status ?? 'New'), substatus: String(next.substatus ?? 'Received') };
  const problem = transitionProblem(from, to, touched);
  if (problem) return { problem: { path: problem.path, message: `${problem.path}: ${problem.message}` } };
  const stamp = now.toUTC().toISO()!;
  next.updatedDateTime = stamp;
  if (to.status === 'Active' && from.status !== 'Active') next.acceptedDateTime = stamp;
  if (to.status === 'Closed' && from.status !== 'Closed') next.closedDateTime = stamp;
  return { referral: next };
}
