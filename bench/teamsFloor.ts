import { SlidingWindowLimiter, type TeamsLimits } from '../bot/teams';

/**
 * Teams' floor for a fan-out: how soon after the first send the last can go when
 * `perConversation` messages go to each of `conversations` conversations and every window
 * of `limits` is kept to the letter, each send taking no time. The schedule sends whatever
 * may go earliest, the conversation with most left first; a conversation alone would be no
 * quicker (its windows bind it the same), so with the app's limit not binding it is exact.
 */
export function teamsFloorMs(limits: TeamsLimits, conversations: number, perConversation: number): number {
  const lanes = Array.from({ length: conversations }, () => ({
    limiter: new SlidingWindowLimiter(limits.conversation),
    left: perConversation,
  }));
  const app = new SlidingWindowLimiter(limits.app);
  let now = 0;
  for (let sent = 0; sent < conversations * perConversation; sent++) {
    const open = lanes.filter((lane) => lane.left > 0);
    const readyAt = (lane: (typeof lanes)[number]) => now + Math.max(0, lane.limiter.delayAt(now));
    const next = open.reduce((best, lane) => {
      const [at, bestAt] = [readyAt(lane), readyAt(best)];
      return at < bestAt || (at === bestAt && lane.left > best.left) ? lane : best;
    });
    const at = readyAt(next);
    now = at + Math.max(0, app.delayAt(at));
    next.limiter.record(now);
    app.record(now);
    next.left--;
  }
  return now;
}
