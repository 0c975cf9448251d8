// An outbox in fresh storage and times on the fixed test clock: shared by the tests of each OutboxRepository step.
import assert from 'node:assert/strict';
import { OutboxRepository, type OutboxTask } from '../../../bot/store/outboxRepository';
import { NOW } from '../../support/fixtures';
import { freshStorage } from '../../support/rootHooks';

/** An ISO instant `minutes` after the fixed test clock. */
export const at = (minutes: number): string => NOW.plus({ minutes }).toISO()!;

/** An outbox over an empty table in fresh storage. */
export async function freshOutbox(): Promise<OutboxRepository> {
  const { storage } = await freshStorage();
  return new OutboxRepository(storage.client('cardOutbox'));
}

/** The referral's task as due() lists it at `now`, failing the test when it is not due. */
export async function dueTaskIn(outbox: OutboxRepository, referralId: string, now = at(60)): Promise<OutboxTask> {
  const task = (await outbox.due(now)).find((t) => t.referralId === referralId);
  assert.ok(task, `${referralId} should be due at ${now}`);
  return task;
}
