import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { MAX_ATTEMPTS } from '../../bot/referrals';
import { ReferralRepository } from '../../bot/store/referralRepository';
import { sharedTestPki } from '../../tools/partnerCenterSimulator/certificates';
import { CERTIFICATE_PATH } from '../../tools/partnerCenterSimulator/webhookSubscription';
import { eventBody, signDelivery } from '../../tools/partnerCenterSimulator/webhooks';
import { BotHarness, type HttpAnswer } from '../support/botHarness';
import { pcReferral } from '../support/fixtures';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { proxiedStorage, rowsMentioning, type ProxiedStorage } from '../support/proxiedStorage';
import { CHANNELS } from '../support/teamsActivities';
import { cardPosts, cardText, installAndLink } from './flows';

/** A table transaction: each referral's row and history event are written in one. */
const isTransaction = (req: IncomingMessage) => req.method === 'POST' && (req.url ?? '').endsWith('$batch');

const IDS = ['fail-a', 'fail-b', 'fail-c'];
const DELIVERY = IDS.map((id, i) => pcReferral({ id, name: `Delivery item ${i + 1}` }));

/** Asserts a 503 that asks to send again later and says nothing of storage's address or error. */
function assertTryAgainLater(answer: HttpAnswer, storage: ProxiedStorage): void {
  assert.equal(answer.status, 503, JSON.stringify(answer.body));
  assert.equal(answer.headers.get('retry-after'), '30');
  assert.deepEqual(Object.keys(answer.body).sort(), ['error', 'message']);
  assert.equal(answer.body.error, 'storage_unavailable');
  const said = JSON.stringify(answer.body);
  const storageSaid = ['refused by the test proxy', 'socket hang up', 'ECONNRESET'];
  for (const internal of [new URL(storage.proxy.url).host, '127.0.0.1', 'devstoreaccount1', ...storageSaid]) {
    assert.ok(!said.includes(internal), `the answer does not say ${internal}`);
  }
}

/** Deliveries are all or nothing even when storage fails halfway (the bot's tables behind a proxy the test fails). */
describe('deliveries when storage fails (over HTTP, tables behind a proxy)', () => {
  let storage: ProxiedStorage;
  let h: BotHarness;
  let direct: ReferralRepository;
  const storedIds = async () => {
    const found = await Promise.all(IDS.map((id) => direct.get(id)));
    return found.flatMap((stored) => (stored ? [stored.record.referral.id] : []));
  };
  const cardsOf = (id: string) => h.connector.calls.filter((c) => cardText(c).includes(id));

  beforeEach(async () => {
    storage = await proxiedStorage();
    h = await new BotHarness(storage.env).start();
    direct = new ReferralRepository(storage.direct.client('referrals'));
    await installAndLink(h, CHANNELS.emea, 'emea');
    await h.settle();
  });
  afterEach(async () => {
    storage.proxy.open();
    await h.stop();
    await storage.stop();
  });

  /** From the `n`th transaction on, storage goes away: every request's connection is dropped until the proxy opens again. */
  function storageGoneAtTransaction(n: number): void {
    let transactions = 0;
    let gone = false;
    storage.proxy.failWhen((req) => (gone ||= isTransaction(req) && ++transactions === n), 'close');
  }

  for (const failing of [2, 3]) {
    it(`keeps nothing of a delivery when storage goes away while referral ${failing} of 3 is stored (503), then stores all three once`, async () => {
      storageGoneAtTransaction(failing);
      const answer = await h.deliver(DELIVERY);
      assert.equal(answer.status, 503, JSON.stringify(answer.body));
      assert.equal(answer.body.error, 'storage_unavailable');
      assert.equal(answer.headers.get('retry-after'), '30');
      assert.deepEqual(
        await storedIds(),
        IDS.slice(0, failing - 1),
        'the referrals stored before storage went away are there until it is back',
      );

      storage.proxy.open();
      await h.services.unfinishedDeliveries.settle();
      assert.deepEqual(
        await rowsMentioning(storage.direct, IDS),
        [],
        'no referral, history, task, index or schedule row of the delivery',
      );
      await h.settle();
      assert.deepEqual(IDS.flatMap(cardsOf), [], 'no card was posted');

      const again = await h.deliver(DELIVERY);
      assert.equal(again.status, 202);
      assert.deepEqual(again.body, { received: IDS, duplicates: [] });
      await h.settle();
      for (const id of IDS) {
        assert.deepEqual(
          (await direct.history(id)).map((e) => e.action),
          ['received'],
          `${id} arrived once`,
        );
        assert.equal(
          cardPosts(h.connector.calls, CHANNELS.emea.id).filter((c) => cardText(c).includes(id)).length,
          1,
          `one card of ${id}`,
        );
      }
      assert.ok(
        (await rowsMentioning(storage.direct, IDS)).some((row) => row.startsWith('schedule plan~')),
        'their plans are stored',
      );
    });
  }

  it('keeps nothing of a delivery whose second referral keeps changing while it is stored (503), then stores the newer copies once', async () => {
    assert.equal((await h.deliver(DELIVERY)).status, 202);
    await h.settle();
    const before = await rowsMentioning(storage.direct, IDS);
    const newer = DELIVERY.map((referral) => ({
      ...referral,
      updatedDateTime: '2026-11-23T08:30:00Z',
      name: `${String(referral.name)} (newer)`,
    }));
    // The first change stored stands; every try of the other two is refused as changed meanwhile, until both give up.
    let transactions = 0;
    storage.proxy.failWhen(
      (req) => isTransaction(req) && ++transactions >= 2 && transactions <= 1 + 2 * MAX_ATTEMPTS,
      412,
    );

    const answer = await h.deliver(newer);
    assert.equal(answer.status, 503, JSON.stringify(answer.body));
    assert.equal(answer.body.error, 'busy');
    assert.equal(answer.headers.get('retry-after'), '30');
    for (const id of IDS) {
      const stored = (await direct.get(id))!.record;
      assert.equal(stored.desk.revision, 1, `${id} is as it was`);
      assert.doesNotMatch(stored.referral.name, /newer/);
      assert.deepEqual(
        (await direct.history(id)).map((e) => e.action),
        ['received'],
      );
    }
    assert.deepEqual(
      await rowsMentioning(storage.direct, IDS),
      before,
      'every row is as before the delivery, card tasks included',
    );

    storage.proxy.open();
    assert.deepEqual((await h.deliver(newer)).body, { received: IDS, duplicates: [] });
    await h.settle();
    for (const id of IDS) {
      assert.deepEqual(
        (await direct.history(id)).map((e) => e.action),
        ['received', 'updated'],
        `${id} updated once`,
      );
      assert.equal(
        h.connector.calls.filter((c) => c.kind === 'update' && cardText(c).includes(id)).length,
        1,
        `its card updated once`,
      );
    }
  });

  for (const refusal of ['close', 503] as const) {
    it(`answers 503 with Retry-After while storage is unavailable (${refusal}), naming no address or storage error, in one log line`, async () => {
      storage.proxy.failWhen(() => true, refusal);
      const logged = h.logLines.length;
      assertTryAgainLater(await h.deliver(DELIVERY), storage);
      const lines = h.logLines.slice(logged).filter((line) => /referral|deliver/.test(line));
      assert.equal(lines.length, 1, lines.join('\n'));
      const cause = refusal === 'close' ? 'ECONNRESET' : '503';
      assert.equal(
        lines[0],
        `delivery of 3 referral(s) to /api/referrals not stored: storage unavailable (${cause}); asked to deliver again`,
      );

      storage.proxy.open();
      assert.deepEqual(await rowsMentioning(storage.direct, IDS), []);
    });
  }
});

describe('Partner Center events when storage is unavailable (over HTTP, against the simulator, tables behind a proxy)', () => {
  const ID = 'a1b2c3d4-0000-4000-8000-0000000000f1';
  let storage: ProxiedStorage;
  let pc: PartnerCenterHarness;

  beforeEach(async () => {
    storage = await proxiedStorage();
    pc = await new PartnerCenterHarness(storage.env).start();
    pc.muted = true;
  });
  afterEach(async () => {
    storage.proxy.open();
    await pc.stop();
    await storage.stop();
  });

  it('answers 503 with Retry-After, naming no address or storage error, in one log line; the event delivered again is stored', async () => {
    pc.simulator.add(pcReferral({ id: ID }));
    const body = JSON.stringify(eventBody('referral-created', `${pc.simulator.apiUrl}/${ID}`, pc.bot.clock.now));
    const headers = signDelivery(body, sharedTestPki().privateKey, `${pc.simulator.url}${CERTIFICATE_PATH}`);
    const deliver = () => pc.bot.post('/api/partner-center/events', body, headers);
    storage.proxy.failWhen(() => true, 'close');
    const logged = pc.bot.logLines.length;

    assertTryAgainLater(await deliver(), storage);
    const lines = pc.bot.logLines.slice(logged).filter((line) => /referral|deliver/.test(line));
    assert.deepEqual(lines, [
      `Partner Center event for referral ${ID} not stored: storage unavailable (ECONNRESET); asked to deliver again`,
    ]);

    storage.proxy.open();
    assert.deepEqual(await rowsMentioning(storage.direct, [ID]), []);
    const again = await deliver();
    assert.equal(again.status, 202);
    assert.deepEqual(again.body.received, [ID]);
  });
});
