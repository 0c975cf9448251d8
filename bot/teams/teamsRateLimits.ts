import { SlidingWindowLimiter, TEAMS_APP_LIMITS, TEAMS_CONVERSATION_LIMITS, type RateWindow } from './rateLimiter';

/** The limits Teams sets a bot: per conversation, and for the whole app. */
export interface TeamsLimits {
  /** Sends, creates and updates in one conversation (a channel with its reply threads). */
  conversation: readonly RateWindow[];
  /** Every request of the app. */
  app: readonly RateWindow[];
}

export const TEAMS_LIMITS: TeamsLimits = { conversation: TEAMS_CONVERSATION_LIMITS, app: TEAMS_APP_LIMITS };

/**
 * Who sends: `reply` is an answer in a turn (a user waits for it), `proactive` everything
 * else (cards, reminders, direct messages). Proactive sends use only SHARE of each limit, so
 * a reply finds room even while a burst of cards has a channel at its limit.
 */
export type SendKind = 'proactive' | 'reply';

/** A send the limits counted: tell when Teams answered it (or failed), so its window can start. */
export interface Permit {
  done(): void;
}

/** The share of each limit proactive sends use (rounded: 7 per second stays 7, 60 per 30 s becomes 57). */
export const SHARE = 0.95;

/**
 * Added to every window: a send begins that much later than the window alone would let it,
 * so the bot's timers firing early or Teams rounding its windows never make one too many.
 */
export const gapMs = (windowMs: number): number => 10 + windowMs / 100;

/**
 * The one account of what the bot sends to Teams, shared by every sender: one limiter per
 * conversation (a channel's reply threads count with the channel: the stricter reading of
 * Teams' "per thread") and one for the whole app. A sender asks for a permit before each
 * request and returns it when Teams answered; `acquire` waits until every window has room.
 */
export class TeamsRateLimits {
  private readonly conversations = new Map<string, SlidingWindowLimiter>();
  private readonly app: SlidingWindowLimiter;
  private readonly windows: Record<SendKind, TeamsLimits>;
  /** Senders waiting for an earlier send's answer (its window starts only then). */
  private readonly waiting = new Set<() => void>();

  constructor(
    limits: TeamsLimits = TEAMS_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    const under = (windows: readonly RateWindow[], share: number) =>
      windows.map((w) => ({
        count: Math.max(1, Math.round(w.count * share)),
        windowMs: w.windowMs + gapMs(w.windowMs),
      }));
    this.windows = {
      reply: { conversation: under(limits.conversation, 1), app: under(limits.app, 1) },
      proactive: { conversation: under(limits.conversation, SHARE), app: under(limits.app, SHARE) },
    };
    this.app = new SlidingWindowLimiter(this.windows.reply.app);
  }

  /** Waits until `sends` requests to the conversation fit every window, and counts them. */
  async acquire(conversationId: string, kind: SendKind, sends = 1): Promise<Permit> {
    const conversation = this.limiterOf(conversationId.split(';')[0]);
    const windows = this.windows[kind];
    for (;;) {
      const now = this.now();
      const wait = Math.max(
        conversation.delayAt(now, windows.conversation, sends),
        this.app.delayAt(now, windows.app, sends),
      );
      if (wait <= 0) break;
      await this.pause(wait);
    }
    const begun = this.now();
    const counted = Array.from({ length: sends }, () => [conversation.begin(begun), this.app.begin(begun)]).flat();
    let done = false;
    return {
      done: () => {
        if (done) return;
        done = true;
        const answered = this.now();
        for (const send of counted) send.end = answered;
        for (const wake of [...this.waiting]) wake();
      },
    };
  }

  /** Sleeps `ms`; without a time (a send not answered yet holds the window), until the next answer. */
  private pause(ms: number): Promise<void> {
    if (Number.isFinite(ms)) return new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));
    return new Promise((resolve) => {
      const wake = () => {
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
    });
  }

  private limiterOf(key: string): SlidingWindowLimiter {
    let limiter = this.conversations.get(key);
    if (!limiter) {
      // Conversations whose sends have all left their windows are forgotten now and then.
      if (this.conversations.size >= 1000) {
        const now = this.now();
        for (const [other, old] of this.conversations) if (old.idleAt(now)) this.conversations.delete(other);
      }
      limiter = new SlidingWindowLimiter(this.windows.reply.conversation);
      this.conversations.set(key, limiter);
    }
    return limiter;
  }
}
