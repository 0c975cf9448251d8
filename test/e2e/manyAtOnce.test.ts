import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { pcReferral } from '../support/fixtures';
import { cardAction, CHANNELS, USERS } from '../support/teamsActivities';
import { ACCEPT_FORM, installAndLink } from './flows';

const MANY = 50;

describe('many people at once (over HTTP)', function () {
  this.timeout(120_000);
  let h: BotHarness;

  before(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
  });
  after(async () => h.stop());

  it(`stores ${MANY} deliveries sent at once, all due in the same minute, without an error`, async () => {
    const ids = Array.from({ length: MANY }, (_, n) => `at-once-${n}`);
    const answers = await Promise.all(ids.map((id) => h.deliver(pcReferral({ id }))));
    assert.deepEqual(
      answers.filter((answer) => answer.status !== 202),
      [],
    );
    for (const id of ids) assert.ok(await h.services.referrals.get(id), id);
  });

  it(`answers ${MANY} Accepts of deals sharing a close date at once, each as accepted, and completes what follows each`, async () => {
    const ids = Array.from({ length: MANY }, (_, n) => `at-once-${n}`);
    const answers = await Promise.all(
      ids.map((id) =>
        h.activity(
          cardAction(h.serviceUrl, CHANNELS.emea, `card-${id}`, VERBS.accept, { referralId: id, ...ACCEPT_FORM }),
        ),
      ),
    );
    const refused = answers.filter((answer) => answer.body?.type !== 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(
      refused.map((answer) => answer.body),
      [],
    );
    for (const id of ids) assert.equal((await h.services.referrals.get(id))!.record.referral.status, 'Active', id);
    await h.settle();
    assert.equal((await h.services.indexes.personDeals(USERS.alice.aadObjectId)).length, MANY);
  });
});
