import assert from 'node:assert/strict';
import type { Referral } from '../../bot/domain/referral';
import { arrival } from '../../bot/domain/incoming';
import { changeReferral, type ChangeDeps } from '../../bot/referrals';
import { OutboxRepository } from '../../bot/store/outboxRepository';
import { ReferralRepository } from '../../bot/store/referralRepository';
import { NOW, fixedClock, pcReferral } from '../support/fixtures';
import { freshStorage } from '../support/rootHooks';

const ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const ALICE = { id: 'aad-alice', name: 'Alice Rep' };
const ACCEPT = {
  action: 'accept' as const,
  input: { dealName: 'Wave 1', dealValue: 30000, currency: 'EUR', closingDate: '2027-02-15', notes: 'Pilot first.' },
};

/** The use case over real tables, with a card publisher that notes what it is told and, when it is, how the referral stands. */
async function desk() {
  const { storage } = await freshStorage();
  const referrals = new ReferralRepository(storage.client('referrals'));
  const outbox = new OutboxRepository(storage.client('cardOutbox'));
  const released: Promise<{ id: string; revision: number | undefined }>[] = [];
  const deps: ChangeDeps = {
    referrals,
    outbox,
    clock: fixedClock(),
    cards: {
      release: (id) => {
        released.push(referrals.get(id).then((stored) => ({ id, revision: stored?.record.desk.revision })));
      },
    },
  };
  return { referrals, outbox, deps, released };
}

describe('changing a referral (use case, Azurite)', () => {
  it('holds its card task before the save and releases it after: a card sync never runs it on the old copy', async () => {
    const { referrals, outbox, deps, released } = await desk();
    const arrived = arrival(pcReferral() as unknown as Referral, NOW);
    await referrals.create(arrived.record, arrived.event);

    const outcome = await changeReferral(deps, ID, ACCEPT, ALICE);
    assert.equal(outcome.kind, 'changed');
    const [task] = await outbox.due(NOW.plus({ minutes: 2 }).toUTC().toISO()!);
    assert.equal(task.referralId, ID, 'the task was stored');
    assert.deepEqual(await outbox.due(NOW.toUTC().toISO()!), [], 'held, not due, until released');
    assert.deepEqual(await Promise.all(released), [{ id: ID, revision: 2 }], 'released once, with the change stored');
  });

  it('leaves a task that falls due when its hold runs out, should the process die before the release', async () => {
    const { referrals, outbox, deps } = await desk();
    const arrived = arrival(pcReferral() as unknown as Referral, NOW);
    await referrals.create(arrived.record, arrived.event);
    // The release never comes: the process died after the save.
    await changeReferral({ ...deps, cards: { release: () => undefined } }, ID, ACCEPT, ALICE);
    assert.deepEqual(await outbox.due(NOW.plus({ seconds: 59 }).toUTC().toISO()!), []);
    assert.deepEqual(
      (await outbox.due(NOW.plus({ minutes: 1 }).toUTC().toISO()!)).map((task) => task.referralId),
      [ID],
    );
  });

  it('holds nothing and releases nothing for a referral that is not stored', async () => {
    const { outbox, deps, released } = await desk();
    assert.equal((await changeReferral(deps, ID, ACCEPT, ALICE)).kind, 'notFound');
    assert.deepEqual(await outbox.due(NOW.plus({ hours: 1 }).toUTC().toISO()!), []);
    assert.equal(released.length, 0);
  });

  it("makes a click's change once when two deliveries of it (two instances) race: the other finds it made", async () => {
    const { referrals, deps } = await desk();
    const arrived = arrival(pcReferral() as unknown as Referral, NOW);
    await referrals.create(arrived.record, arrived.event);
    const click = { actorId: ALICE.id, activityId: 'f:activity-1' };

    const outcomes = await Promise.all([
      changeReferral(deps, ID, ACCEPT, ALICE, { click }),
      changeReferral(deps, ID, ACCEPT, ALICE, { click }),
    ]);
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['changed', 'repeated']);
    assert.equal((await referrals.history(ID)).filter((event) => event.action === 'accept').length, 1);
    assert.deepEqual(await referrals.getWithClick(ID, click).then((read) => read.clicked), true);
    const other = await referrals.getWithClick(ID, { ...click, activityId: 'f:activity-2' });
    assert.equal(other.clicked, false, 'another click is another click');
    assert.equal(other.stored?.record.desk.revision, 2);
  });
});
