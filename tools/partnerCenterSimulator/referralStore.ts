/**
 * The simulator's referrals, in memory: each with an eTag that changes with every
 * change, stamped by the simulator's clock. Changes come from the API (`patch`) or, as
 * if made in the Partner Center portal, from tests (`add`, `update`); listeners hear of each.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { applyReferralPatch, type AppliedOperation, type PatchProblem } from './referralPatch';

/** A referral as the simulator holds and serves it: Partner Center's JSON, with `eTag`. */
export type SimulatedReferral = Record<string, unknown> & { id: string; eTag: string; updatedDateTime: string };

/** A referral was added or changed (by the API or the portal); the referral is a copy. */
export interface ReferralChange {
  kind: 'created' | 'updated';
  referral: SimulatedReferral;
}

/** One patch the API accepted: what a client wrote back. */
export interface PatchRecord {
  id: string;
  operations: AppliedOperation[];
  eTagBefore: string;
  eTagAfter: string;
  /** The simulator's time of the patch (ISO). */
  at: string;
}

/** How a patch went. */
export type PatchOutcome =
  | { kind: 'patched'; referral: SimulatedReferral }
  | { kind: 'notFound' }
  | { kind: 'preconditionFailed'; eTag: string }
  | { kind: 'invalid'; problem: PatchProblem };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `changes` laid over `target`: objects merge, anything else replaces, undefined removes. */
function merged(target: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const result = { ...target };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete result[key];
    else result[key] = isObject(value) && isObject(result[key]) ? merged(result[key], value) : structuredClone(value);
  }
  return result;
}

/** Whether an `If-Match` header names `eTag` (quoted or not, weak or strong, one of a list, or `*`). */
export function ifMatchAccepts(header: string, eTag: string): boolean {
  const bare = (value: string) =>
    value
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
  return header.split(',').some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(eTag));
}

/** The referrals by id, each change giving a new eTag; patches the API accepted are logged. */
export class ReferralStore {
  readonly patches: PatchRecord[] = [];
  private readonly referrals = new Map<string, SimulatedReferral>();
  private readonly listeners = new Set<(change: ReferralChange) => void>();
  private version = 0;

  constructor(private readonly clock: () => DateTime) {}

  /** Adds a referral; `createdDateTime`/`updatedDateTime` default to now. Throws if its id is taken or its JSON unusable. */
  add(referral: Record<string, unknown>): SimulatedReferral {
    const id = referral.id;
    if (typeof id !== 'string' || id === '') throw new Error('A simulated referral needs an id (a non-empty string)');
    if (this.referrals.has(id)) throw new Error(`The simulator already holds referral ${id}; change it with update()`);
    const now = this.nowIso();
    const stored = { createdDateTime: now, updatedDateTime: now, ...structuredClone(referral), id } as Record<
      string,
      unknown
    >;
    if (!DateTime.fromISO(String(stored.updatedDateTime)).isValid)
      throw new Error(
        `Referral ${id}: updatedDateTime "${String(stored.updatedDateTime)}" is no ISO-8601 date and time`,
      );
    return this.keep(stored, 'created');
  }

  get(id: string): SimulatedReferral | undefined {
    const referral = this.referrals.get(id);
    return referral && structuredClone(referral);
  }

  /** The referrals as held (not copies): for reading only. */
  all(): readonly SimulatedReferral[] {
    return [...this.referrals.values()];
  }

  /** A change made outside the API (as in the portal): merged in, with a new eTag and updatedDateTime. */
  update(id: string, changes: Record<string, unknown>): SimulatedReferral {
    const current = this.referrals.get(id);
    if (!current) throw new Error(`The simulator holds no referral ${id}`);
    return this.keep({ ...merged(current, changes), id, updatedDateTime: this.nowIso() }, 'updated');
  }

  /** Applies a checked patch if `ifMatch` (when given) names the current eTag; logs it in `patches`. */
  patch(id: string, operations: readonly AppliedOperation[], ifMatch: string | undefined): PatchOutcome {
    const current = this.referrals.get(id);
    if (!current) return { kind: 'notFound' };
    if (ifMatch !== undefined && !ifMatchAccepts(ifMatch, current.eTag))
      return { kind: 'preconditionFailed', eTag: current.eTag };
    const result = applyReferralPatch(current, operations, this.clock());
    if ('problem' in result) return { kind: 'invalid', problem: result.problem };
    const referral = this.keep(result.referral, 'updated');
    this.patches.push({
      id,
      operations: structuredClone([...operations]),
      eTagBefore: current.eTag,
      eTagAfter: referral.eTag,
      at: referral.updatedDateTime,
    });
    return { kind: 'patched', referral };
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: (change: ReferralChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keep(referral: Record<string, unknown>, kind: ReferralChange['kind']): SimulatedReferral {
    const id = String(referral.id);
    const eTag = createHash('sha256').update(`${id}\n${++this.version}`).digest('base64url').slice(0, 20);
    const stored = { ...referral, eTag } as SimulatedReferral;
    this.referrals.set(id, stored);
    for (const listener of this.listeners) listener({ kind, referral: structuredClone(stored) });
    return structuredClone(stored);
  }

  private nowIso(): string {
    return this.clock().toUTC().toISO()!;
  }
}
