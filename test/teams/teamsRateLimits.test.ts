import assert from 'node:assert/strict';
import { gapMs, TeamsRateLimits, type TeamsLimits } from '../../bot/teams/teamsRateLimits';

const WIDE = [{ count: 1000, windowMs: 1_000 }];

/** Whether `promise` is still waiting once every timer due now and every promise settled has run. */
async function stillWaiting(promise: Promise<unknown>): Promise<boolean> {
  const waiting = Symbol('waiting');
  const first = await Promise.race([promise, new Promise((resolve) => setImmediate(() => resolve(waiting)))]);
  return first === waiting;
}

describe("the account of what the bot sends to Teams (Teams' limits)", () => {
  it('holds a send until the one before it has been answered and its window passed, plus the gap', async () => {
    const limits = new TeamsRateLimits({ conversation: [{ count: 1, windowMs: 100 }], app: WIDE });
    const first = await limits.acquire('19:c@thread.tacv2', 'proactive');
    const second = limits.acquire('19:c@thread.tacv2', 'proactive');
    assert.ok(await stillWaiting(second), 'waits while the first is not answered');
    first.done();
    const answered = performance.now();
    (await second).done();
    assert.ok(performance.now() - answered >= 100 + gapMs(100) - 1, 'counted from the answer');
  });

  it("counts a channel's reply threads with the channel, and lets other conversations through", async () => {
    const limits = new TeamsRateLimits({ conversation: [{ count: 1, windowMs: 2_000 }], app: WIDE });
    (await limits.acquire('19:c@thread.tacv2;messageid=1', 'reply')).done();
    assert.ok(await stillWaiting(limits.acquire('19:c@thread.tacv2;messageid=2', 'reply')));
    assert.ok(await stillWaiting(limits.acquire('19:c@thread.tacv2', 'proactive')));
    assert.equal(await stillWaiting(limits.acquire('19:other@thread.tacv2', 'proactive')), false);
  });

  it('counts replies in turns and proactive sends against one limit for the whole app', async () => {
    const app: TeamsLimits = { conversation: WIDE, app: [{ count: 1, windowMs: 100 }] };
    const limits = new TeamsRateLimits(app);
    (await limits.acquire('19:a@thread.tacv2;messageid=1', 'reply')).done();
    const answered = performance.now();
    (await limits.acquire('19:b@thread.tacv2', 'proactive')).done();
    assert.ok(
      performance.now() - answered >= 100 + gapMs(100) - 1,
      'the card waited for the reply to leave the window',
    );
  });

  it('leaves 5 % of a limit to replies: proactive sends stop short of it, a reply still goes', async () => {
    const limits = new TeamsRateLimits({ conversation: [{ count: 20, windowMs: 2_000 }], app: WIDE });
    for (let i = 0; i < 19; i++) (await limits.acquire('19:c@thread.tacv2', 'proactive')).done();
    assert.ok(await stillWaiting(limits.acquire('19:c@thread.tacv2', 'proactive')), 'the 20th card waits');
    assert.equal(await stillWaiting(limits.acquire('19:c@thread.tacv2', 'reply')), false, 'the reply goes at once');
  });

  it('counts several activities of one reply together, and never more than a window holds', async () => {
    const limits = new TeamsRateLimits({ conversation: [{ count: 3, windowMs: 2_000 }], app: WIDE });
    (await limits.acquire('19:c@thread.tacv2', 'reply', 2)).done();
    assert.equal(await stillWaiting(limits.acquire('19:c@thread.tacv2', 'reply')), false, 'a third fits');
    assert.ok(await stillWaiting(limits.acquire('19:c@thread.tacv2', 'reply')), 'a fourth does not');
  });
});
