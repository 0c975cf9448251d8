import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { isReferralCard } from '../../cards/referral/referralCard';
import { VERBS } from '../../cards/verbs';
import { MAX_ANSWER_BYTES } from '../../bot/store/answeredInvokeRepository';
import { AnswerOnce, type ActionDelivery, type ActionOutcome } from '../../bot/teams/answerOnce';
import { cardResponse, messageResponse } from '../../bot/teams/invokeResponses';
import { BotHarness } from '../support/botHarness';
import { CHANNELS, USERS } from '../support/teamsActivities';
import { deliverAndAwaitCard, installAndLink } from '../e2e/flows';

const ALICE = { id: USERS.alice.aadObjectId, name: USERS.alice.name, teamsId: USERS.alice.id };

/**
 * What the HTTP tests cannot stage by hand: another instance of the desk holding the same
 * delivery, actions that fail, and answers too large to keep. Real tables; the wait between
 * looks is the test's own step.
 */
describe('AnswerOnce: one run per activity id and sender', () => {
  let h: BotHarness;
  let ids = 0;
  before(async () => {
    h = await new BotHarness().start();
  });
  after(async () => h.stop());

  const deliveryOf = (referralId?: string): ActionDelivery => ({
    activityId: `f:${++ids}`,
    actor: ALICE,
    referralId,
    services: Promise.resolve(h.services),
  });
  /** An action that counts its runs and answers `answer`. */
  const action = (answer: AdaptiveCardInvokeResponse, keep = true) => {
    const counted = {
      runs: 0,
      run: async (): Promise<ActionOutcome> => {
        counted.runs++;
        return { response: answer, keep };
      },
    };
    return counted;
  };

  it('waits for the answer of another instance holding the same delivery, and runs nothing', async () => {
    const delivery = deliveryOf();
    const elsewhere = await h.services.answeredInvokes.claim(ALICE.id, delivery.activityId!, h.clock.now);
    assert.equal(elsewhere.kind, 'claimed');
    const theirs = messageResponse('Snoozed until Tuesday 09:00');
    let pauses = 0;
    const once = new AnswerOnce(h.services.answeredInvokes, h.clock.read, {
      attempts: 5,
      pause: async () => {
        if (++pauses === 2 && elsewhere.kind === 'claimed')
          await h.services.answeredInvokes.answer(elsewhere.claim, { response: theirs }, {}, h.clock.now);
      },
    });
    const mine = action(messageResponse('ran here'));
    assert.deepEqual(await once.answer(delivery, mine.run), theirs);
    assert.equal(mine.runs, 0);
    assert.equal(pauses, 2);
  });

  it('says "still working" when the other instance does not answer in time, and runs nothing', async () => {
    const delivery = deliveryOf();
    await h.services.answeredInvokes.claim(ALICE.id, delivery.activityId!, h.clock.now);
    let pauses = 0;
    const once = new AnswerOnce(h.services.answeredInvokes, h.clock.read, {
      attempts: 3,
      pause: async () => void pauses++,
    });
    const mine = action(messageResponse('ran here'));
    assert.deepEqual(await once.answer(delivery, mine.run), messageResponse(h.services.strings.actions.stillWorking));
    assert.equal(mine.runs, 0);
    assert.equal(pauses, 3);
  });

  it('runs a repeat again when the first run failed, whether it answered "failed" or threw', async () => {
    const once = new AnswerOnce(h.services.answeredInvokes, h.clock.read);
    const failing = deliveryOf();
    const failed = action(messageResponse(h.services.strings.actions.failed), false);
    await once.answer(failing, failed.run);
    await once.whenIdle();
    await once.answer(failing, failed.run);
    assert.equal(failed.runs, 2);

    const throwing = deliveryOf();
    await assert.rejects(
      once.answer(throwing, async () => Promise.reject(new Error('storage went away'))),
      /storage went away/,
    );
    const after = action(messageResponse('ran now'));
    assert.deepEqual(await once.answer(throwing, after.run), messageResponse('ran now'));
    assert.equal(after.runs, 1);
  });

  it("answers a repeat of a referral card too large to keep with the referral's current card for the sender", async () => {
    await installAndLink(h, CHANNELS.emea, 'emea');
    const { id: referralId } = await deliverAndAwaitCard(h, CHANNELS.emea);
    const noise = randomBytes(MAX_ANSWER_BYTES).toString('base64');
    const huge = cardResponse({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: noise }],
      actions: [{ type: 'Action.Execute', verb: VERBS.favorite }],
    });
    const once = new AnswerOnce(h.services.answeredInvokes, h.clock.read);
    const delivery = deliveryOf(referralId);
    const first = action(huge);
    assert.deepEqual(await once.answer(delivery, first.run), huge);
    await once.whenIdle();

    const repeat = await once.answer(delivery, first.run);
    assert.equal(first.runs, 1);
    assert.ok(isReferralCard(repeat.value));
    assert.match(JSON.stringify(repeat.value), /Contoso/);
    assert.ok(!JSON.stringify(repeat.value).includes(noise.slice(0, 40)), 'rendered anew, not the answer kept');
  });

  it('answers a repeat of any other answer too large to keep with "done already"', async () => {
    const noise = randomBytes(MAX_ANSWER_BYTES).toString('base64');
    const once = new AnswerOnce(h.services.answeredInvokes, h.clock.read);
    const delivery = deliveryOf();
    const first = action(
      cardResponse({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: noise }] }),
    );
    await once.answer(delivery, first.run);
    await once.whenIdle();
    assert.deepEqual(await once.answer(delivery, first.run), messageResponse(h.services.strings.actions.alreadyDone));
    assert.equal(first.runs, 1);
  });
});
