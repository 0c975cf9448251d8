import assert from 'node:assert/strict';
import { sharedTestPki } from '../../tools/partnerCenterSimulator/certificates';
import { API_BASE_PATH } from '../../tools/partnerCenterSimulator/simulator';
import { CERTIFICATE_PATH } from '../../tools/partnerCenterSimulator/webhookSubscription';
import { eventBody, signDelivery } from '../../tools/partnerCenterSimulator/webhooks';
import { pcReferral } from '../support/fixtures';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { CHANNELS } from '../support/teamsActivities';
import { cardPosts, cardText, installAndLink } from './flows';

const OUTGOING = 'a1b2c3d4-0000-4000-8000-0000000000f1';
const EXPIRED = 'a1b2c3d4-0000-4000-8000-0000000000f2';
const LAPSED = 'a1b2c3d4-0000-4000-8000-0000000000f3';
const KNOWN = 'a1b2c3d4-0000-4000-8000-0000000000f4';
const FRESH = 'a1b2c3d4-0000-4000-8000-0000000000f5';

/** Undecided, but past its expiry at the tests' NOW (2026-11-23T09:00Z). */
const lapsed = (id: string) =>
  pcReferral({ id, createdDateTime: '2026-11-01T08:00:00Z', expirationDateTime: '2026-11-15T08:00:00Z' });

/**
 * What Partner Center sends that the desk must not act on: events of other kinds (every event
 * the partner registered goes to the same URL), the partner's own outgoing referrals, and
 * referrals that had expired before the desk first saw them.
 */
describe('Partner Center: events and referrals not for the desk (over HTTP, against the simulator)', () => {
  let pc: PartnerCenterHarness;
  const h = () => pc.bot;
  const cardsOf = (id: string) =>
    cardPosts(h().connector.calls, CHANNELS.emea.id).filter((c) => cardText(c).includes(id));
  const post = (body: unknown, sign = true) => {
    const text = JSON.stringify(body);
    const certificateUrl = `${pc.simulator.url}${CERTIFICATE_PATH}`;
    const headers = sign ? signDelivery(text, sharedTestPki().privateKey, certificateUrl) : {};
    return h().post('/api/partner-center/events', text, headers);
  };
  const referralEvent = (id: string) => eventBody('referral-created', `${pc.simulator.apiUrl}/${id}`, h().clock.now);
  const apiCalls = () => pc.simulator.requests.filter((r) => r.path.startsWith(API_BASE_PATH));

  beforeEach(async () => {
    pc = await new PartnerCenterHarness().start();
    await installAndLink(h(), CHANNELS.emea, 'emea');
  });
  afterEach(async () => pc.stop());

  describe('events of other kinds', () => {
    const fraud = () => ({
      EventName: 'azure-fraud-event-detected',
      ResourceUri: 'https://api.partnercenter.microsoft.com/v1/customers/c0ffee/fraudevents/1',
      ResourceName: 'fraudevent',
      AuditUri: null,
      ResourceChangeUtcDate: '2026-11-23T08:59:00.0000000+00:00',
    });

    it('answers 200 "ignored" once signed, asking Partner Center nothing, logging each name once', async () => {
      const first = await post(fraud());
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.deepEqual(first.body, {
        event: 'azure-fraud-event-detected',
        ignored: true,
        message: 'The desk acts on referral events only; this event was ignored',
      });
      assert.equal((await post(fraud())).status, 200);
      assert.equal((await post({ EventName: 'dap-admin-relationship-approved' })).status, 200);
      const logged = h().logLines.filter((line) => / ignored: the desk acts on referral events only$/.test(line));
      assert.deepEqual(logged, [
        'Partner Center event "azure-fraud-event-detected" ignored: the desk acts on referral events only',
        'Partner Center event "dap-admin-relationship-approved" ignored: the desk acts on referral events only',
      ]);
      assert.deepEqual(apiCalls(), [], 'Partner Center was not asked');
    });

    it('still checks the signature first', async () => {
      const answer = await post(fraud(), false);
      assert.equal(answer.status, 401);
      assert.equal(answer.body.reason, 'missing-signature');
    });

    it('still refuses with 400, naming the field, what is no event or a referral event naming none', async () => {
      const { EventName: _, ...nameless } = referralEvent(FRESH);
      const cases: [unknown, string][] = [
        [[fraud()], '(body)'],
        [nameless, 'EventName'],
        [{ ...referralEvent(FRESH), ResourceUri: `${pc.simulator.url}/v1.0/engagements/leads/a` }, 'ResourceUri'],
      ];
      for (const [body, field] of cases) {
        const answer = await post(body);
        assert.equal(answer.status, 400, JSON.stringify(body));
        assert.deepEqual(
          answer.body.problems.map((p: { field: string }) => p.field),
          [field],
        );
      }
    });
  });

  describe('outgoing referrals', () => {
    it('a webhook of an outgoing referral: 200, no card, nothing stored', async () => {
      const sentBefore = h().connector.calls.length;
      pc.simulator.add(pcReferral({ id: OUTGOING, direction: 'Outgoing' }));
      const [report] = await pc.delivered();
      assert.equal(report.delivered, true);
      assert.equal(report.attempts.at(-1)!.status, 200);
      assert.deepEqual(cardsOf(OUTGOING), []);
      assert.equal(h().connector.calls.length, sentBefore, 'nothing was sent to Teams');
      assert.equal(await h().services.referrals.get(OUTGOING), null);
      const why = 'it is outgoing (the partner created it), so there is nothing to answer';
      assert.ok(h().logLines.includes(`referral ${OUTGOING} not taken: ${why}`));
    });

    it('the poll asks for incoming referrals only', async () => {
      pc.muted = true;
      pc.simulator.add(pcReferral({ id: OUTGOING, direction: 'Outgoing' }));
      pc.simulator.add(pcReferral({ id: FRESH }));
      const polled = await pc.poll();
      assert.deepEqual([polled.received, polled.ignored], [1, 0], 'the outgoing one was not even listed');
      const [list] = pc.simulator.requests.filter((r) => r.method === 'GET' && r.path === API_BASE_PATH);
      assert.match(list.query.$filter, / and direction eq 'Incoming'$/);
      assert.equal(await h().services.referrals.get(OUTGOING), null);
      assert.equal(cardsOf(FRESH).length, 1);
    });

    it('a referral whose direction is null is incoming: its card is posted', async () => {
      pc.simulator.add(pcReferral({ id: FRESH, direction: null }));
      const [report] = await pc.delivered();
      assert.equal(report.attempts.at(-1)!.status, 202);
      assert.equal(cardsOf(FRESH).length, 1);
    });
  });

  describe('referrals that had expired before the desk first saw them', () => {
    it('by webhook: Expired, or undecided past its expiry: 200, no card, nothing stored', async () => {
      pc.simulator.add(pcReferral({ id: EXPIRED, status: 'Closed', substatus: 'Expired' }));
      pc.simulator.add(lapsed(LAPSED));
      const reports = await pc.delivered();
      assert.deepEqual(
        reports.map((r) => r.attempts.at(-1)!.status),
        [200, 200],
      );
      for (const id of [EXPIRED, LAPSED]) {
        assert.deepEqual(cardsOf(id), [], id);
        assert.equal(await h().services.referrals.get(id), null, id);
      }
      assert.ok(h().logLines.includes(`referral ${LAPSED} not taken: it had expired before the desk first saw it`));
    });

    it('by poll: counted as ignored, and the cursor moves past it', async () => {
      pc.muted = true;
      pc.simulator.add({ ...lapsed(LAPSED), updatedDateTime: '2026-11-23T08:30:00Z' });
      const polled = await pc.poll();
      assert.deepEqual([polled.received, polled.ignored, polled.unreadable], [0, 1, 0]);
      assert.equal(await h().services.referrals.get(LAPSED), null);
      const cursor = await h().services.partnerCenter!.poller.cursor();
      assert.equal(Date.parse(cursor!), Date.parse('2026-11-23T08:30:00Z'));
      assert.deepEqual(cardsOf(LAPSED), []);
    });

    it('by /api/referrals: 202, the lapsed one listed as ignored, and only the live one gets a card', async () => {
      const answer = await h().deliver([lapsed(LAPSED), pcReferral({ id: FRESH })]);
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, {
        received: [FRESH],
        duplicates: [],
        ignored: [{ id: LAPSED, reason: 'expired' }],
      });
      await h().settle();
      assert.equal(cardsOf(FRESH).length, 1);
      assert.deepEqual(cardsOf(LAPSED), []);
      assert.equal(await h().services.referrals.get(LAPSED), null);
    });

    it('a referral the desk knows still has its card updated when it expires later', async () => {
      pc.simulator.add(pcReferral({ id: KNOWN }));
      await pc.delivered();
      const [posted] = cardsOf(KNOWN);
      assert.ok(posted, 'its card was posted');
      h().clock.advance({ days: 15 });
      pc.simulator.update(KNOWN, { status: 'Closed', substatus: 'Expired' });
      const [report] = await pc.delivered();
      assert.equal(report.attempts.at(-1)!.status, 202);
      const { referral } = (await h().services.referrals.get(KNOWN))!.record;
      assert.equal(`${referral.status}/${referral.substatus}`, 'Closed/Expired');
      const updates = h().connector.calls.filter((c) => c.kind === 'update' && c.activityId === posted.answeredId);
      assert.ok(updates.length > 0, 'the card was updated');
    });
  });
});
