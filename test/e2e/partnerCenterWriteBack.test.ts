import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { pcReferral } from '../support/fixtures';
import { cardAction, CHANNELS } from '../support/teamsActivities';
import { ACCEPT_FORM, cardPosts, cardText, installAndLink } from './flows';

const ID = 'a1b2c3d4-0000-4000-8000-00000000c0de';

/** Decisions made in Teams reach the simulated Partner Center as JSON Patch with If-Match, and its changes reach the cards. */
describe('Partner Center write-back (over HTTP, against the simulator)', () => {
  let pc: PartnerCenterHarness;
  let activityId: string;

  const h = () => pc.bot;
  const stored = async () => (await h().services.referrals.get(ID))!.record;
  const click = (verb: string, inputs: Record<string, unknown>) =>
    h().activity(cardAction(h().serviceUrl, CHANNELS.emea, activityId, verb, { referralId: ID, ...inputs }));
  const lastCard = () =>
    h()
      .connector.calls.filter(
        (c) =>
          (c.kind === 'update' || c.kind === 'send') &&
          c.conversationId === CHANNELS.emea.id &&
          cardText(c).includes(ID),
      )
      .at(-1)!;
  const accept = async () => {
    const answer = await click(VERBS.accept, ACCEPT_FORM);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    await pc.delivered();
  };

  beforeEach(async () => {
    pc = await new PartnerCenterHarness().start();
    await installAndLink(h(), CHANNELS.emea, 'emea');
    pc.simulator.add(
      pcReferral({ id: ID, createdDateTime: '2026-11-23T08:00:00Z', updatedDateTime: '2026-11-23T08:00:00Z' }),
    );
    await pc.delivered();
    const post = cardPosts(h().connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(ID));
    assert.ok(post, 'the polled referral has its card');
    activityId = post.answeredId!;
    assert.doesNotMatch(cardText(post), /Up to date/, 'a new card has nothing written to speak of');
    h().clock.advance({ minutes: 10 });
  });
  afterEach(async () => pc.stop());

  it("writes an accept back with If-Match: status, value, close date; the customer's request is left as it is; the card then says up to date", async () => {
    const eTagBefore = pc.simulator.get(ID)!.eTag;
    await accept();
    assert.equal(pc.simulator.patches.length, 1);
    const [patch] = pc.simulator.patches;
    assert.equal(patch.eTagBefore, eTagBefore);
    assert.deepEqual(
      patch.operations.map((o) => [o.path, o.value]),
      [
        ['/status', 'Active'],
        ['/substatus', 'Accepted'],
        ['/details/dealValue', 30000],
        ['/details/closingDateTime', '2027-02-15T00:00:00.000Z'],
      ],
    );
    const remote = pc.simulator.get(ID)!;
    assert.equal(`${String(remote.status)}/${String(remote.substatus)}`, 'Active/Accepted');
    assert.equal(
      (remote.details as { notes?: unknown }).notes,
      'We want to move 40 VMs to Azure before March.',
      "Partner Center keeps the customer's request",
    );
    const { desk } = await stored();
    const unquoted = (eTag: string) => eTag.replace(/^"|"$/g, '');
    assert.equal(
      unquoted(desk.partnerCenter!.copy.eTag),
      pc.simulator.patches[0].eTagAfter,
      'the new eTag is kept for the next write',
    );
    const card = cardText(lastCard());
    assert.match(card, /Up to date/);
    assert.match(card, /We want to move 40 VMs to Azure before March\./, "the customer's request stays on the card");
    assert.match(card, /Two workshops, then the pilot\./, "the team's notes beside it");
  });

  it('writes Won after the accept, in order, each with the eTag of the one before', async () => {
    await accept();
    h().clock.advance({ days: 1 });
    const answer = await click(VERBS.win, { finalValue: '42000' });
    assert.equal(answer.status, 200);
    await pc.delivered();
    assert.equal(pc.simulator.patches.length, 2);
    const [first, second] = pc.simulator.patches;
    assert.notEqual(second.eTagBefore, first.eTagBefore);
    assert.deepEqual(
      second.operations.map((o) => [o.path, o.value]),
      [
        ['/status', 'Closed'],
        ['/substatus', 'Won'],
        ['/details/dealValue', 42000],
      ],
    );
    assert.equal(pc.simulator.get(ID)!.substatus, 'Won');
  });

  it('a 412 after a change in the portal: reads it again, writes what still holds, and keeps and shows the field changed on both sides', async () => {
    // A Microsoft seller changes the value in Partner Center; the desk has not heard yet.
    pc.muted = true;
    pc.simulator.update(ID, { details: { dealValue: 55000 } });
    pc.muted = false;
    await accept();
    const statuses = pc.simulator.requests.filter((r) => r.method === 'PATCH').map((r) => r.status);
    assert.deepEqual(statuses, [412, 200], 'the stale write is refused, the merged one taken');
    const [written] = pc.simulator.patches;
    assert.deepEqual(
      written.operations.map((o) => o.path),
      ['/status', '/substatus', '/details/closingDateTime'],
      'the value Partner Center changed is not overwritten',
    );
    const { referral, desk } = await stored();
    assert.equal(referral.details.dealValue, 55000);
    assert.equal(`${referral.status}/${referral.substatus}`, 'Active/Accepted');
    assert.deepEqual(desk.partnerCenter!.conflicts, [{ field: 'dealValue', ours: 30000, theirs: 55000 }]);
    assert.match(cardText(lastCard()), /Changed in Partner Center too: Value/);
    // The owner hears of it in their personal chat.
    const dm = h().connector.calls.find(
      (c) =>
        c.kind === 'send' &&
        c.conversationId !== CHANNELS.emea.id &&
        /changed in Partner Center while your change/.test(String(c.body.text)),
    );
    assert.ok(dm, 'the owner is told');
  });

  it('a 429 waits as Partner Center asks (Retry-After) and then writes', async () => {
    pc.simulator.throttleNext(1, 7);
    await accept();
    assert.deepEqual(pc.waits, [7000]);
    assert.equal(pc.simulator.patches.length, 1);
    assert.match(cardText(lastCard()), /Up to date/);
  });

  it('Partner Center refusing a write shows it on the card, with its reason, and does not retry', async () => {
    pc.simulator.failNext(1, 403);
    await accept();
    assert.equal(pc.simulator.patches.length, 0);
    assert.match(cardText(lastCard()), /Not written:/);
    h().clock.advance({ hours: 1 });
    h().services.partnerCenter!.writeBack.kick();
    await pc.delivered();
    assert.equal(
      pc.simulator.requests.filter((r) => r.method === 'PATCH').length,
      1,
      'no second try of a refused write',
    );
  });

  it('survives a restart: a write that failed is delivered once after the bot comes back', async () => {
    // Every attempt of one call fails (the client tries five times).
    pc.simulator.failNext(5, 503);
    await accept();
    assert.equal(pc.simulator.patches.length, 0);
    assert.match(cardText(lastCard()), /To be written again/);
    await h().restart();
    h().clock.advance({ hours: 1 });
    h().services.partnerCenter!.writeBack.kick();
    await pc.delivered();
    assert.equal(pc.simulator.patches.length, 1, 'written once');
    h().services.partnerCenter!.writeBack.kick();
    await pc.delivered();
    assert.equal(pc.simulator.patches.length, 1, 'and not again');
    assert.match(cardText(lastCard()), /Up to date/);
  });

  it('an accept and a Won made during an outage are written in order once Partner Center is back, with no conflict', async () => {
    pc.simulator.failNext(5, 503);
    await accept();
    assert.equal(pc.simulator.patches.length, 0);
    h().clock.advance({ hours: 1 });
    assert.equal((await click(VERBS.win, { finalValue: '42000' })).status, 200);
    await pc.delivered();
    h().clock.advance({ hours: 1 });
    h().services.partnerCenter!.writeBack.kick();
    await pc.delivered();
    assert.deepEqual(
      pc.simulator.patches.map((p) => p.operations.filter((o) => o.path === '/substatus').map((o) => o.value)),
      [['Accepted'], ['Won']],
    );
    const { referral, desk } = await stored();
    assert.equal(referral.substatus, 'Won');
    assert.equal(desk.partnerCenter!.conflicts, undefined);
    assert.match(cardText(lastCard()), /Up to date/);
  });

  it('a decline in the portal reaches the card through the webhook', async () => {
    pc.simulator.update(ID, { status: 'Closed', substatus: 'Declined', statusReason: 'Other' });
    await pc.delivered();
    const { referral } = await stored();
    assert.equal(`${referral.status}/${referral.substatus}`, 'Closed/Declined');
    assert.match(cardText(lastCard()), /Declined/);
    assert.equal(pc.simulator.patches.length, 0, 'nothing to write back');
  });
});
