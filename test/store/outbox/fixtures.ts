// An outbox in fresh storage and times on the fixed test clock: shared by the tests of each OutboxRepository step.
import assert from 'node:assert/strict';
import { OutboxRepository, type OutboxTask } from '../../../bot/store/outboxRepository';
import { NOW } from '../../support/fixtures';
import { freshStorage } from '../../support/rootHooks';

/** An ISO instant `minutes` after the fixed test clock. */
export const at = (minutes: number): string => NOW.plus({ minutes }).toISO()!;

/** An outbox over an empty table in fresh storage. */
async function freshOutbox(): Promise<OutboxRepository> {
  const { storage } = await freshStorage();
  return new OutboxRepository(storage.client('cardOutbox'));
}

/** The referral's task as due() lists it at `now`, failing the test when it is not due. */
async function dueTaskIn(outbox: OutboxRepository, referralId: string, now = at(60)): Promise<OutboxTask> {
  const task = (await outbox.due(now)).find((t) => t.referralId === referralId);
  assert.ok(task, `${referralId} should be due at ${now}`);
  return task;
}

/** What an OutboxRepository suite works with; `useFreshOutbox` registers the hook that renews it. */
export interface FreshOutbox {
  /** The running test's outbox, over an empty table. */
  outboxOf: () => OutboxRepository;
  /** The referral's task as due() lists it at `now`, failing the test when it is not due. */
  dueTask: (referralId: string, now?: string) => Promise<OutboxTask>;
}

/** Registers the hook that gives each test an outbox over an empty table in fresh storage. */
export function useFreshOutbox(): FreshOutbox {
  let outbox: OutboxRepository | undefined;
  beforeEach(async () => {
    outbox = undefined;
    outbox = await freshOutbox();
  });
  const outboxOf = () => {
    assert.ok(outbox, 'the outbox is only there while a test runs');
    return outbox;
  };
  return { outboxOf, dueTask: (referralId, now) => dueTaskIn(outboxOf(), referralId, now) };
}
