// A referrals table in fresh storage, the referral stored in it, and its next revisions: shared by the tests of
// each ReferralRepository operation.
import assert from 'node:assert/strict';
import type { TableClient } from '@azure/data-tables';
import type { HistoryEvent } from '../../../bot/domain/history';
import { arrival } from '../../../bot/domain/incoming';
import type { Actor, Referral, ReferralRecord } from '../../../bot/domain/referral';
import { ConflictError } from '../../../bot/store/errors';
import { ReferralRepository, type StoredReferral } from '../../../bot/store/referralRepository';
import { NOW, receivedRecord } from '../../support/fixtures';
import { freshStorage } from '../../support/rootHooks';

export const ALICE: Actor = { id: '29:alice', name: 'Alice Adams' };
export const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

/** The fixture referral with fields the desk does not model, as Partner Center sends them. */
export function richReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    ...receivedRecord().referral,
    favorite: true,
    tags: [{ tag: 'priority' }, { tag: 'Ünïcödé ✓' }],
    links: { self: { uri: `https://api.partner.microsoft.com/v1.0/engagements/referrals/${ID}`, method: 'GET' } },
    ...overrides,
  } as Referral;
}

/** The next revision of a record with the event that goes with it. */
export function change(
  record: ReferralRecord,
  name: string,
  eventRevision = record.desk.revision + 1,
): { record: ReferralRecord; event: HistoryEvent } {
  const revision = record.desk.revision + 1;
  const at = NOW.plus({ minutes: revision }).toISO()!;
  return {
    record: {
      referral: { ...record.referral, name, updatedDateTime: at },
      desk: { ...record.desk, revision, owner: ALICE },
    },
    event: {
      referralId: record.referral.id,
      revision: eventRevision,
      at,
      actor: ALICE,
      action: 'updated',
      changes: [{ field: 'name', before: record.referral.name, after: name }],
    },
  };
}

/** Awaits the promise, failing the test unless it rejects with a ConflictError. */
export async function rejectsWithConflict(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ConflictError, `expected a ConflictError, got ${String(error)}`);
    return true;
  });
}

/** A repository over an empty referrals table in fresh storage, and the table, to look at what it wrote. */
async function freshRepository(): Promise<{ repo: ReferralRepository; table: TableClient }> {
  const { storage } = await freshStorage();
  const table = storage.client('referrals');
  return { repo: new ReferralRepository(table), table };
}

/** The referral as stored, failing the test when there is none. */
async function storedIn(repo: ReferralRepository, id = ID): Promise<StoredReferral> {
  const found = await repo.get(id);
  assert.ok(found, `referral ${id} should be stored`);
  return found;
}

/** Stores the referral as it arrived from Partner Center and returns it as stored. */
async function createArrivedIn(repo: ReferralRepository, referral: Referral = richReferral()): Promise<StoredReferral> {
  const { record, event } = arrival(referral, NOW);
  assert.equal(await repo.create(record, event), true);
  return storedIn(repo, referral.id);
}

/** What a ReferralRepository suite works with; `useFreshRepository` registers the hook that renews it. */
export interface FreshRepository {
  /** The running test's repository, over an empty referrals table. */
  repository: () => ReferralRepository;
  /** The running test's referrals table, to look at what the repository wrote. */
  table: () => TableClient;
  /** The referral as stored, failing the test when there is none. */
  stored: (id?: string) => Promise<StoredReferral>;
  /** Stores the referral as it arrived from Partner Center and returns it as stored. */
  createArrived: (referral?: Referral) => Promise<StoredReferral>;
}

/** Registers the hook that gives each test a repository over an empty referrals table in fresh storage. */
export function useFreshRepository(): FreshRepository {
  let fresh: { repo: ReferralRepository; table: TableClient } | undefined;
  beforeEach(async () => {
    fresh = undefined;
    fresh = await freshRepository();
  });
  const current = () => {
    assert.ok(fresh, 'the repository is only there while a test runs');
    return fresh;
  };
  const repository = () => current().repo;
  return {
    repository,
    table: () => current().table,
    stored: (id) => storedIn(repository(), id),
    createArrived: (referral) => createArrivedIn(repository(), referral),
  };
}
