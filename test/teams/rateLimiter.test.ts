import assert from 'node:assert/strict';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS } from '../../bot/teams/rateLimiter';

describe('the per-conversation rate limiter', () => {
  it('lets 7 sends through in a second and holds the 8th until the first leaves the window', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    for (let i = 0; i < 7; i++) {
      assert.equal(limiter.delayAt(1000 + i * 10), 0);
      limiter.record(1000 + i * 10);
    }
    assert.equal(limiter.delayAt(1070), 930, 'the 8th waits until 1 s after the first');
  });

  it('keeps to 8 per 2 s even when each second alone is fine', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    // 7 in the first second, 1 early in the next: the 9th must wait for the 2-second window.
    for (let i = 0; i < 7; i++) limiter.record(i * 100);
    limiter.record(1100);
    assert.equal(limiter.delayAt(1200), 800);
  });

  it('keeps to 60 per 30 s', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    for (let i = 0; i < 60; i++) limiter.record(i * 300);
    // The 61st at 18 s: the first send (at 0) leaves the 30-second window at 30 s.
    assert.equal(limiter.delayAt(18_000), 12_000);
  });

  it('forgets sends older than the longest window', () => {
    const limiter = new SlidingWindowLimiter([{ count: 1, windowMs: 1000 }]);
    limiter.record(0);
    assert.equal(limiter.delayAt(500), 500);
    assert.equal(limiter.delayAt(1000), 0);
  });

  it('counts a send from its answer: one not answered yet holds its place in the window', () => {
    const limiter = new SlidingWindowLimiter([{ count: 1, windowMs: 1000 }]);
    const send = limiter.begin(0);
    assert.equal(limiter.delayAt(5_000), Infinity);
    send.end = 300;
    assert.equal(limiter.delayAt(500), 800, 'a second after the answer, not after the request');
  });

  it('keeps a slow send in the window after a quicker later one has left it', () => {
    const limiter = new SlidingWindowLimiter([{ count: 1, windowMs: 1000 }]);
    const slow = limiter.begin(0);
    limiter.begin(10).end = 20;
    slow.end = 400;
    assert.equal(limiter.delayAt(1100), 300);
  });

  it('holds several sends until each window has room for all of them, and checks narrower windows it is given', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    for (let i = 0; i < 5; i++) limiter.record(i);
    assert.equal(limiter.delayAt(10, TEAMS_CONVERSATION_LIMITS, 2), 0, '5 + 2 = 7 per second');
    assert.equal(limiter.delayAt(10, TEAMS_CONVERSATION_LIMITS, 3), 990, 'for 3 more, the first must have left');
    assert.equal(limiter.delayAt(10, [{ count: 5, windowMs: 500 }]), 490);
  });
});
