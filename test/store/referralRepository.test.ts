import assert from 'node:assert/strict';
import type { TableClient } from '@azure/data-tables';
import type { HistoryEvent } from '../../bot/domain/history';
import { PARTNER_CENTER_ACTOR, arrival } from '../../bot/domain/incoming';
import type { Actor, Referral, ReferralRecord } from '../../bot/domain/referral';
import { MAX_REFERRAL_JSON_CHARS } from '../../bot/store/entityLimits';
import { ConflictError } from '../../bot/store/errors';
import { ReferralRepository, type CardLocation, type StoredReferral } from '../../bot/store/referralRepository';
import { REFERRAL_ROW } from '../../bot/store/tables';
import { NOW, receivedRecord } from '../support/fixtures';
import { freshStorage } from '../support/rootHooks';

const ALICE: Actor = { id: '29:alice', name: 'Alice Adams' };
const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

/** The fixture referral with fields the desk does not model, as Partner Center sends them. */
function richReferral(overrides: Partial<Referral> = {}): Referral {
  return {
    ...receivedRecord().referral,
    favorite: true,
    tags: [{ tag: 'priority' }, { tag: 'Ünïcödé ✓' }],
    links: { self: { uri: `https://api.partner.microsoft.com/v1.0/engagements/referrals/${ID}`, method: 'GET' } },
    ...overrides,
  } as Referral;
}

/** The next revision of a record with the event that goes with it. */
function change(
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

async function rejectsWithConflict(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ConflictError, `expected a ConflictError, got ${String(error)}`);
    return true;
  });
}

describe('store: ReferralRepository', () => {
  let repo: ReferralRepository;
  let table: TableClient;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    table = storage.client('referrals');
    repo = new ReferralRepository(table);
  });

  async function stored(id = ID): Promise<StoredReferral> {
    const found = await repo.get(id);
    assert.ok(found, `referral ${id} should be stored`);
    return found;
  }

  async function createArrived(referral: Referral = richReferral()): Promise<StoredReferral> {
    const { record, event } = arrival(referral, NOW);
    assert.equal(await repo.create(record, event), true);
    return stored(referral.id);
  }

  describe('get and create', () => {
    it('returns null for an unknown id', async () => {
      assert.equal(await repo.get('no-such-referral'), null);
    });

    it('round-trips the whole record, extra fields included', async () => {
      const record: ReferralRecord = {
        referral: richReferral(),
        desk: {
          revision: 1,
          owner: ALICE,
          lastDecision: { action: 'accept', by: ALICE, at: '2026-11-23T09:00:00.000Z' },
        },
      };
      const event = arrival(record.referral, NOW).event;

      assert.equal(await repo.create(record, event), true);
      const found = await stored();

      assert.deepEqual(found.record, record);
      assert.equal(typeof found.etag, 'string');
      assert.ok(found.etag.length > 0, 'an ETag is returned');
      assert.equal(found.card, undefined);
      assert.deepEqual(await repo.history(ID), [event]);
    });

    it('refuses to create an existing id and stores no second arrival event', async () => {
      const first = await createArrived();
      const again = arrival(richReferral({ name: 'A second delivery' }), NOW.plus({ minutes: 5 }));

      assert.equal(await repo.create(again.record, again.event), false);

      const after = await stored();
      assert.equal(after.record.referral.name, 'Contoso cloud migration');
      assert.equal(after.etag, first.etag, 'the stored entity was not touched');
      const history = await repo.history(ID);
      assert.equal(history.length, 1);
      assert.equal(history[0].at, '2026-11-23T09:00:00.000Z');
    });

    it('keeps referrals apart', async () => {
      await createArrived(richReferral({ id: 'r-1', name: 'One' }));
      await createArrived(richReferral({ id: 'r-10', name: 'Ten' }));
      assert.equal((await stored('r-1')).record.referral.name, 'One');
      assert.equal((await stored('r-10')).record.referral.name, 'Ten');
      assert.deepEqual(
        (await repo.history('r-1')).map((e) => e.referralId),
        ['r-1'],
      );
      assert.deepEqual(await repo.history('r-2'), []);
    });
  });

  describe('save', () => {
    it('replaces the record, adds the event and returns the new ETag', async () => {
      const first = await createArrived();
      const next = change(first.record, 'Renamed');

      const saved = await repo.save(first, next.record, next.event);

      const after = await stored();
      assert.deepEqual(after.record, next.record);
      assert.equal(saved.etag, after.etag, 'save returns the ETag now stored');
      assert.notEqual(saved.etag, first.etag);
      assert.deepEqual(saved.record, next.record);
      assert.deepEqual(await repo.history(ID), [arrival(first.record.referral, NOW).event, next.event]);
    });

    it('accepts a chain of saves, each from the result of the previous one', async () => {
      let current = await createArrived();
      for (const name of ['Two', 'Three', 'Four']) {
        const next = change(current.record, name);
        current = await repo.save(current, next.record, next.event);
      }
      const after = await stored();
      assert.equal(after.record.referral.name, 'Four');
      assert.equal(after.record.desk.revision, 4);
    });

    it('throws ConflictError on a stale ETag and writes neither the referral nor the event', async () => {
      const read = await createArrived();
      const winner = change(read.record, 'Winner');
      await repo.save(read, winner.record, winner.event);

      // Same read, and an event row that would not collide: only the ETag can stop it.
      const loser = change(read.record, 'Loser', 99);
      await rejectsWithConflict(repo.save(read, loser.record, loser.event));

      const after = await stored();
      assert.equal(after.record.referral.name, 'Winner');
      assert.equal(after.record.desk.revision, 2);
      const history = await repo.history(ID);
      assert.equal(history.length, 2);
      assert.deepEqual(
        history.map((e) => e.revision),
        [1, 2],
      );
    });

    it('throws ConflictError when the event of that revision is already stored', async () => {
      const read = await createArrived();
      const winner = change(read.record, 'Winner');
      const saved = await repo.save(read, winner.record, winner.event);

      // A fresh ETag, but an event revision that exists: the whole change is refused.
      const clash = change(saved.record, 'Clash', 2);
      await rejectsWithConflict(repo.save(saved, clash.record, clash.event));

      const after = await stored();
      assert.equal(after.record.referral.name, 'Winner');
      assert.equal(after.etag, saved.etag);
      assert.equal((await repo.history(ID)).length, 2);
    });

    it('lets exactly one of 20 concurrent saves from the same read succeed', async () => {
      const read = await createArrived();
      const changes = Array.from({ length: 20 }, (_, i) => change(read.record, `Writer ${i}`));

      const results = await Promise.allSettled(changes.map((c) => repo.save(read, c.record, c.event)));

      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      assert.equal(won.length, 1, `exactly one save should succeed, ${won.length} did`);
      for (const r of results) {
        if (r.status === 'rejected') assert.ok(r.reason instanceof ConflictError, String(r.reason));
      }
      const after = await stored();
      assert.equal(after.record.referral.name, `Writer ${won[0]}`);
      const history = await repo.history(ID);
      assert.equal(history.length, 2);
      assert.deepEqual(history[1], changes[won[0]].event);
    });

    it('lets exactly one of 20 concurrent saves succeed even when their events would not collide', async () => {
      const read = await createArrived();
      const changes = Array.from({ length: 20 }, (_, i) => change(read.record, `Writer ${i}`, 100 + i));

      const results = await Promise.allSettled(changes.map((c) => repo.save(read, c.record, c.event)));

      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      assert.equal(won.length, 1, `exactly one save should succeed, ${won.length} did`);
      assert.equal((await stored()).record.referral.name, `Writer ${won[0]}`);
      assert.deepEqual(
        (await repo.history(ID)).map((e) => e.revision),
        [1, 100 + won[0]],
      );
    });
  });

  describe('large referrals', () => {
    async function rawEntity(id = ID): Promise<Record<string, unknown>> {
      return await table.getEntity(id, REFERRAL_ROW);
    }
    const jsonProperties = (entity: Record<string, unknown>) =>
      Object.keys(entity)
        .filter((k) => /^json\d+$/.test(k))
        .sort();

    it('round-trips a referral JSON longer than 30,000 characters, split over several properties', async () => {
      const referral = richReferral({ details: { ...richReferral().details, notes: 'Requirements. '.repeat(5_000) } });
      const json = JSON.stringify(referral);
      assert.ok(json.length > 70_000, `the test referral is ${json.length} characters`);

      const created = await createArrived(referral);

      assert.deepEqual(created.record.referral, referral);
      const entity = await rawEntity();
      assert.equal(entity.chunks, 3);
      assert.deepEqual(jsonProperties(entity), ['json0', 'json1', 'json2']);
      for (const key of jsonProperties(entity))
        assert.ok((entity[key] as string).length <= 30_000, `${key} is too long`);
    });

    it('leaves no stale chunk after the referral shrinks', async () => {
      const big = await createArrived(richReferral({ details: { notes: 'x'.repeat(65_000) } }));
      assert.equal((await rawEntity()).chunks, 3);

      const small = change(big.record, 'Shrunk');
      small.record.referral = { ...small.record.referral, details: { notes: 'short now' } };
      await repo.save(big, small.record, small.event);

      const entity = await rawEntity();
      assert.equal(entity.chunks, 1);
      assert.deepEqual(jsonProperties(entity), ['json0']);
      assert.deepEqual((await stored()).record, small.record);
    });

    it('round-trips characters outside the Basic Multilingual Plane across chunk boundaries', async () => {
      let splitAPair = false;
      for (const [i, prefix] of ['', 'a'].entries()) {
        const id = `emoji-${i}`;
        const referral = richReferral({ id, details: { notes: `${prefix}${'🚀'.repeat(20_000)}` } });
        const json = JSON.stringify(referral);
        const code = json.charCodeAt(29_999);
        if (code >= 0xd800 && code <= 0xdbff) splitAPair = true;

        await createArrived(referral);

        assert.deepEqual((await stored(id)).record.referral, referral, `prefix ${JSON.stringify(prefix)}`);
      }
      assert.ok(splitAPair, 'one of the referrals must have a surrogate pair across the first chunk boundary');
    });

    it('refuses a referral too large to store, storing nothing', async () => {
      const referral = richReferral({ details: { notes: 'y'.repeat(MAX_REFERRAL_JSON_CHARS) } });
      const { record, event } = arrival(referral, NOW);
      await assert.rejects(repo.create(record, event), RangeError);
      assert.equal(await repo.get(ID), null);
      assert.deepEqual(await repo.history(ID), []);
    });
  });

  describe('saveCard', () => {
    const CARD: CardLocation = { conversationId: '19:emea@thread.tacv2', activityId: '1732356000000', revision: 1 };

    it('records where the card is', async () => {
      const read = await createArrived();
      const saved = await repo.saveCard(read, CARD);

      const after = await stored();
      assert.deepEqual(after.card, CARD);
      assert.deepEqual(saved.card, CARD);
      assert.equal(saved.etag, after.etag);
      assert.deepEqual(after.record, read.record);
      assert.equal((await repo.history(ID)).length, 1, 'a card location is not a history event');
    });

    it('throws ConflictError on a stale ETag and keeps the stored card', async () => {
      const read = await createArrived();
      await repo.saveCard(read, CARD);

      await rejectsWithConflict(repo.saveCard(read, { ...CARD, activityId: 'other', revision: 7 }));

      assert.deepEqual((await stored()).card, CARD);
    });

    it('throws ConflictError when the referral changed since it was read', async () => {
      const read = await createArrived();
      const next = change(read.record, 'Changed');
      await repo.save(read, next.record, next.event);
      await rejectsWithConflict(repo.saveCard(read, CARD));
      assert.equal((await stored()).card, undefined);
    });

    it('keeps the card location through a later save', async () => {
      const read = await createArrived();
      const withCard = await repo.saveCard(read, CARD);
      const next = change(withCard.record, 'Renamed');

      const saved = await repo.save(withCard, next.record, next.event);

      assert.deepEqual(saved.card, CARD);
      const after = await stored();
      assert.deepEqual(after.card, CARD);
      assert.equal(after.record.referral.name, 'Renamed');
    });

    it('keeps the card location through a save from a fresh read', async () => {
      const read = await createArrived();
      await repo.saveCard(read, CARD);
      const fresh = await stored();
      const next = change(fresh.record, 'Renamed');
      await repo.save(fresh, next.record, next.event);
      assert.deepEqual((await stored()).card, CARD);
    });

    it('refuses a save from a read taken before the card was recorded', async () => {
      const read = await createArrived();
      await repo.saveCard(read, CARD);
      const next = change(read.record, 'Stale');
      await rejectsWithConflict(repo.save(read, next.record, next.event));
      const after = await stored();
      assert.deepEqual(after.card, CARD);
      assert.equal(after.record.referral.name, 'Contoso cloud migration');
    });
  });

  describe('takeBack', () => {
    it('removes a new referral with its arrival event, so it can be created again', async () => {
      const { record, event } = arrival(richReferral(), NOW);
      assert.equal(await repo.create(record, event), true);

      assert.equal(await repo.takeBack({ record, event, previous: null }), 'takenBack');

      assert.equal(await repo.get(ID), null);
      assert.deepEqual(await repo.history(ID), []);
      assert.equal(await repo.create(record, event), true, 'nothing of it is left in the way');
    });

    it("puts a changed referral back as it was, its card included, and removes the change's event", async () => {
      const card = { conversationId: '19:emea@thread.tacv2', activityId: '1732356000000', revision: 1 };
      const read = await repo.saveCard(await createArrived(), card);
      const next = change(read.record, 'Renamed');
      await repo.save(read, next.record, next.event);

      assert.equal(await repo.takeBack({ ...next, previous: read }), 'takenBack');

      const after = await stored();
      assert.deepEqual(after.record, read.record);
      assert.deepEqual(after.card, read.card);
      assert.deepEqual(
        (await repo.history(ID)).map((e) => e.revision),
        [1],
      );
    });

    it('leaves a referral that changed since as it is, and says whether the change was ever stored', async () => {
      const read = await createArrived();
      const next = change(read.record, 'Renamed');
      const saved = await repo.save(read, next.record, next.event);
      const later = change(saved.record, 'Renamed again');
      await repo.save(saved, later.record, later.event);

      assert.equal(await repo.takeBack({ ...next, previous: read }), 'changedSince');
      assert.equal((await stored()).record.referral.name, 'Renamed again');
      assert.equal((await repo.history(ID)).length, 3);

      const never = change((await stored()).record, 'Never stored');
      assert.equal(await repo.takeBack({ ...never, previous: await stored() }), 'notStored');
      assert.equal(
        await repo.takeBack({ ...arrival(richReferral({ id: 'never-created' }), NOW), previous: null }),
        'notStored',
      );
    });

    it('leaves a new referral whose card was posted meanwhile', async () => {
      const { record, event } = arrival(richReferral(), NOW);
      await repo.create(record, event);
      await repo.saveCard(await stored(), {
        conversationId: '19:emea@thread.tacv2',
        activityId: '1732356000000',
        revision: 1,
      });

      assert.equal(await repo.takeBack({ record, event, previous: null }), 'changedSince');
      assert.ok((await stored()).card);
    });
  });

  describe('history', () => {
    it('returns the events oldest first, past revision 9', async () => {
      let current = await createArrived();
      for (let i = 0; i < 11; i++) {
        const next = change(current.record, `Name ${i}`);
        current = await repo.save(current, next.record, next.event);
      }

      const history = await repo.history(ID);

      assert.deepEqual(
        history.map((e) => e.revision),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      );
      assert.deepEqual(history[0].actor, PARTNER_CENTER_ACTOR);
      assert.equal(history[0].action, 'received');
      assert.deepEqual(history[11].changes, [{ field: 'name', before: 'Name 9', after: 'Name 10' }]);
      const times = history.map((e) => e.at);
      assert.deepEqual(times, [...times].sort());
    });
  });
});
