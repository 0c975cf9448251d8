import assert from 'node:assert/strict';
import { sharedTestPki, untrustedLeaf } from '../../tools/partnerCenterSimulator/certificates';
import { API_BASE_PATH } from '../../tools/partnerCenterSimulator/simulator';
import { CERTIFICATE_PATH } from '../../tools/partnerCenterSimulator/webhookSubscription';
import { eventBody, signDelivery } from '../../tools/partnerCenterSimulator/webhooks';
import { pcReferral } from '../support/fixtures';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { CHANNELS } from '../support/teamsActivities';
import { cardPosts, cardText, installAndLink } from './flows';

const ID = 'a1b2c3d4-0000-4000-8000-0000000000e1';
const MISSED = 'a1b2c3d4-0000-4000-8000-0000000000e2';

/** Referrals arrive from Partner Center as its webhooks announce them, and by polling for what a webhook missed. */
describe('Partner Center webhooks and polling (over HTTP, against the simulator)', () => {
  let pc: PartnerCenterHarness;
  const h = () => pc.bot;
  const cardOf = (id: string) => cardPosts(h().connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(id));
  const event = (id: string, name: 'referral-created' | 'referral-updated' | 'test-created' = 'referral-updated') =>
    JSON.stringify(eventBody(name, `${pc.simulator.apiUrl}/${id}`, h().clock.now));
  const post = (body: string, headers: Record<string, string>) => h().post('/api/partner-center/events', body, headers);
  const signed = (body: string, key = sharedTestPki().privateKey, url = `${pc.simulator.url}${CERTIFICATE_PATH}`) =>
    signDelivery(body, key, url);

  beforeEach(async () => {
    pc = await new PartnerCenterHarness({}, { skip: ({ id }) => id === MISSED }).start();
    await installAndLink(h(), CHANNELS.emea, 'emea');
  });
  afterEach(async () => pc.stop());

  it('a referral-created webhook: signature checked, referral read from the API, card posted', async () => {
    pc.simulator.add(pcReferral({ id: ID }));
    const [report] = await pc.delivered();
    assert.equal(report.delivered, true);
    assert.equal(report.attempts.at(-1)!.status, 202);
    assert.ok(cardOf(ID), 'the card is posted');
    const stored = (await h().services.referrals.get(ID))!.record;
    assert.equal(stored.desk.partnerCenter!.copy.eTag.replace(/"/g, ''), pc.simulator.get(ID)!.eTag.replace(/"/g, ''));
    assert.ok(
      pc.simulator.requests.some((r) => r.method === 'GET' && r.path === `${API_BASE_PATH}/${ID}`),
      'the referral was read by its id',
    );
  });

  it('a related-referral event brings the related referral it names, signed in the x-ms-signature header too', async () => {
    pc.simulator.add(pcReferral({ id: MISSED, engagementId: 'e1b2c3d4-0000-4000-8000-000000000001' }));
    const body = JSON.stringify(
      eventBody('related-referral-created', `${pc.simulator.apiUrl}/${MISSED}`, h().clock.now),
    );
    const answer = await post(
      body,
      signDelivery(body, sharedTestPki().privateKey, `${pc.simulator.url}${CERTIFICATE_PATH}`, 'x-ms-signature'),
    );
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.received, [MISSED]);
    await h().settle();
    assert.ok(cardOf(MISSED), 'its card is posted');
  });

  it('refuses a delivery whose body was changed after signing, and stores nothing', async () => {
    pc.simulator.add(pcReferral({ id: MISSED }));
    const body = event(MISSED, 'referral-created');
    const answer = await post(body.replace('referral-created', 'referral-updated'), signed(body));
    assert.equal(answer.status, 401);
    assert.equal(answer.body.reason, 'signature-mismatch');
    assert.equal(await h().services.referrals.get(MISSED), null);
  });

  it('refuses a certificate from a host that is not allowed (never downloading it) and one from an untrusted authority', async () => {
    pc.simulator.add(pcReferral({ id: MISSED }));
    const body = event(MISSED);
    const elsewhere = await post(
      body,
      signed(body, sharedTestPki().privateKey, `https://certificates.example${CERTIFICATE_PATH}`),
    );
    assert.equal(elsewhere.status, 401);
    assert.equal(elsewhere.body.reason, 'certificate-url-not-allowed');
    const unsigned = await post(body, { 'content-type': 'application/json' });
    assert.equal(unsigned.status, 401);
    assert.equal(unsigned.body.reason, 'missing-signature');
    // A key the trusted authority never certified: the certificate served does not match it.
    const forged = await post(body, signed(body, untrustedLeaf().privateKey));
    assert.equal(forged.status, 401);
    assert.equal(forged.body.reason, 'signature-mismatch');
    assert.equal(await h().services.referrals.get(MISSED), null);
  });

  it('refuses an event not sent as application/json with 415, before reading it or asking Partner Center', async () => {
    pc.simulator.add(pcReferral({ id: MISSED }));
    const body = event(MISSED, 'referral-created');
    const answer = await post(body, { ...signed(body), 'Content-Type': 'text/plain; charset=utf-8' });
    assert.equal(answer.status, 415);
    assert.match(answer.body.message, /^Send the body as application\/json/);
    assert.ok(!pc.simulator.requests.some((r) => r.path === `${API_BASE_PATH}/${MISSED}`), 'the referral was not read');
    assert.equal(await h().services.referrals.get(MISSED), null);
  });

  it('answers 422 naming the field when Partner Center serves a referral nested too deep, and stores nothing', async () => {
    let deep: unknown = {};
    for (let level = 0; level < 40; level++) deep = { more: deep };
    pc.simulator.add(pcReferral({ id: MISSED, details: { notes: 'Nested', attachments: deep } }));
    const body = event(MISSED, 'referral-created');
    const answer = await post(body, signed(body));
    assert.equal(answer.status, 422);
    assert.match(answer.body.message, /not stored: details\.attachments(\.more){30} nests deeper than 32 levels$/);
    assert.equal(await h().services.referrals.get(MISSED), null);
  });

  it('acknowledges a test delivery, and names the field of an event without a name', async () => {
    const test = JSON.stringify(
      eventBody('test-created', `${pc.simulator.url}/webhooks/v1/registration/validationEvents/1`, h().clock.now),
    );
    assert.equal((await post(test, signed(test))).status, 200);
    const { EventName: _, ...nameless } = JSON.parse(event(ID));
    const odd = JSON.stringify(nameless);
    const answer = await post(odd, signed(odd));
    assert.equal(answer.status, 400);
    assert.ok(
      answer.body.problems.some((p: { field: string }) => p.field === 'EventName'),
      JSON.stringify(answer.body),
    );
  });

  it('a repeated or late event never undoes a newer state', async () => {
    pc.simulator.add(pcReferral({ id: ID }));
    await pc.delivered();
    h().clock.advance({ minutes: 5 });
    pc.simulator.update(ID, { details: { dealValue: 41000 } });
    await pc.delivered();
    const again = await post(event(ID, 'referral-created'), signed(event(ID, 'referral-created')));
    assert.equal(again.status, 202);
    assert.deepEqual(again.body.duplicates, [ID]);
    const { referral } = (await h().services.referrals.get(ID))!.record;
    assert.equal(referral.details.dealValue, 41000);
    const card = h()
      .connector.calls.filter(
        (c) => c.kind === 'update' && c.conversationId === CHANNELS.emea.id && cardText(c).includes(ID),
      )
      .at(-1);
    assert.ok(card && /41,000/.test(cardText(card)), 'the value a Microsoft seller changed shows on the card');
    assert.deepEqual(
      (await h().services.referrals.history(ID)).map((e) => e.action),
      ['received', 'updated'],
    );
  });

  it('503 while Partner Center cannot be read, so the event is delivered again; then stored once', async () => {
    pc.simulator.add(pcReferral({ id: MISSED }));
    pc.simulator.failNext(5, 503);
    const body = event(MISSED, 'referral-created');
    const answer = await post(body, signed(body));
    assert.equal(answer.status, 503);
    assert.equal(await h().services.referrals.get(MISSED), null);
    assert.equal((await post(body, signed(body))).status, 202);
    assert.ok((await h().services.referrals.get(MISSED))?.record);
  });

  it('the poll finds a referral whose webhook never came, and moves its cursor past it', async () => {
    pc.simulator.add(pcReferral({ id: MISSED, updatedDateTime: '2026-11-23T08:30:00Z' }));
    await pc.delivered();
    assert.equal(cardOf(MISSED), undefined, 'no webhook, no card yet');
    const first = await pc.poll();
    assert.deepEqual([first.received, first.pages], [1, 1]);
    assert.ok(cardOf(MISSED), 'the poll brought its card');
    const cursor = await h().services.partnerCenter!.poller.cursor();
    assert.ok(cursor && Date.parse(cursor) >= Date.parse('2026-11-23T08:30:00Z'), `cursor ${cursor}`);
    const second = await pc.poll();
    assert.equal(second.received, 0, 'a second poll stores nothing again');
    const lists = pc.simulator.requests.filter((r) => r.method === 'GET' && r.path === API_BASE_PATH);
    const incomingSince = /^updatedDateTime gt 2026-11-23T0[78]:\d\d\S* and direction eq 'Incoming'$/;
    assert.match(lists.at(-1)!.query.$filter, incomingSince);
  });

  it('the cursor does not move past a referral the desk cannot read, so the next poll reads it again', async () => {
    pc.muted = true;
    pc.simulator.add(pcReferral({ id: MISSED, updatedDateTime: '2026-11-23T08:10:00Z' }));
    pc.simulator.add(
      pcReferral({
        id: 'a1b2c3d4-0000-4000-8000-0000000000e3',
        updatedDateTime: '2026-11-23T08:20:00Z',
        customerProfile: { name: 'No address' },
      }),
    );
    const polled = await pc.poll();
    assert.deepEqual([polled.received, polled.unreadable], [1, 1]);
    assert.equal(Date.parse((await h().services.partnerCenter!.poller.cursor())!), Date.parse('2026-11-23T08:10:00Z'));
    assert.equal((await pc.poll()).unreadable, 1, 'read again');
  });

  it('the cursor stays where it was when Partner Center cannot be read', async () => {
    for (let i = 0; i < 3; i++)
      pc.simulator.add(
        pcReferral({ id: `a1b2c3d4-0000-4000-8000-00000000010${i}`, updatedDateTime: `2026-11-23T08:0${i}:00Z` }),
      );
    await pc.delivered();
    const before = await h().services.partnerCenter!.poller.cursor();
    pc.simulator.failNext(5, 503);
    await assert.rejects(() => h().services.partnerCenter!.poller.poll(), /503/);
    assert.equal(await h().services.partnerCenter!.poller.cursor(), before);
  });
});
