import type { PatchablePath, PatchOperation } from './patchOperations';
import {
  differingFields,
  isNone,
  rankOf,
  WRITTEN_FIELDS,
  type Lifecycle,
  type PartnerCenterState,
  type SharedFields,
  type WrittenField,
} from './partnerCenterCopy';

export type WriteBackStep =
  /** Partner Center already has what the desk has. */
  | { kind: 'inStep' }
  /** The next patch to send; once Partner Center took it, plan again from its answer. */
  | { kind: 'patch'; operations: PatchOperation[]; fields: WrittenField[] }
  /** What the desk has cannot be written (Partner Center closed the referral, or it is further along there). */
  | { kind: 'unwritable'; fields: WrittenField[] };

const PATHS: Record<Exclude<WrittenField, 'lifecycle'>, PatchablePath> = {
  dealValue: '/details/dealValue',
  currency: '/details/currency',
  closingDateTime: '/details/closingDateTime',
  notes: '/details/notes',
  salesStage: '/salesStage',
  solutions: '/details/requirements/solutions',
  team: '/team',
  externalReferenceId: '/externalReferenceId',
  campaignId: '/campaignId',
};

const ACCEPTED: Lifecycle = { status: 'Active', substatus: 'Accepted' };

/**
 * The next patch that brings Partner Center's copy (`base`) to the desk's fields (`ours`),
 * one lifecycle step at a time as Partner Center's transitions allow (New → Active →
 * Closed): a deal accepted and won before anything was written is first accepted, with
 * its value, currency, close date and notes, then closed as won. Expiry is not written:
 * Partner Center expires referrals itself. Pure.
 */
export function nextWriteBack(ours: SharedFields, base: SharedFields): WriteBackStep {
  const changed = differingFields(ours, base, WRITTEN_FIELDS) as WrittenField[];
  const fields = changed.filter((field) => field !== 'lifecycle');
  const target = changed.includes('lifecycle') && !isExpiry(ours.lifecycle) ? ours.lifecycle : undefined;
  if (!target && fields.length === 0) return { kind: 'inStep' };
  const from = base.lifecycle.status;
  if (from === 'Closed' || (target && rankOf(target) < rankOf(base.lifecycle))) {
    return { kind: 'unwritable', fields: target ? ['lifecycle', ...fields] : fields };
  }
  // Through Active first, when closing as won or lost a referral Partner Center has as New.
  const step =
    target && from !== 'Active' && target.status === 'Closed' && target.substatus !== 'Declined' ? ACCEPTED : target;
  const operations = [
    ...(step ? lifecycleOperations(step, base.lifecycle) : []),
    ...fields.map((field) => operation(PATHS[field], base[field], ours[field])),
  ];
  return { kind: 'patch', operations, fields: step ? ['lifecycle', ...fields] : fields };
}

function isExpiry(lifecycle: Lifecycle): boolean {
  return lifecycle.status === 'Closed' && lifecycle.substatus === 'Expired';
}

function lifecycleOperations(to: Lifecycle, from: Lifecycle): PatchOperation[] {
  const operations = [
    operation('/status', from.status, to.status),
    operation('/substatus', from.substatus, to.substatus),
  ];
  if (to.statusReason !== undefined && to.statusReason !== from.statusReason)
    operations.push(operation('/statusReason', from.statusReason, to.statusReason));
  return operations;
}

/** `add` where Partner Center has no value yet, `replace` otherwise; a value the desk cleared is written as null. */
function operation(path: PatchablePath, before: unknown, after: unknown): PatchOperation {
  return { op: isNone(before) ? 'add' : 'replace', path, value: after ?? null };
}

/** What the card says of writing back: nothing to write, still to write, refused, or changed there too. */
export type SyncStatus = 'synced' | 'pending' | 'failed' | 'conflict';

export function syncStatusOf(state: PartnerCenterState, ours: SharedFields): SyncStatus {
  if (state.conflicts?.length) return 'conflict';
  const step = nextWriteBack(ours, state.copy.fields);
  if (step.kind === 'unwritable' || refusedBefore(state, step)) return 'failed';
  return step.kind === 'inStep' ? 'synced' : 'pending';
}

/** What identifies a patch: the same key, the same patch. */
export function attemptKey(operations: readonly PatchOperation[]): string {
  return JSON.stringify(operations);
}

/** Partner Center refused this very patch already: sending it again would meet the same answer. */
export function refusedBefore(state: PartnerCenterState, step: WriteBackStep): boolean {
  return (
    step.kind === 'patch' && state.failure?.permanent === true && state.failure.attempt === attemptKey(step.operations)
  );
}
