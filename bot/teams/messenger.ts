import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Actor } from '../domain/referral';
import { quietLogger, type Logger } from '../log';
import { statusOf } from '../store';
import { findTeamMember } from './teamDirectory';
import { TeamsRateLimits } from './teamsRateLimits';

/** A call to Teams that failed and must not be retried (403, 404, 413) or ran out of retries. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * What Teams answered a new message with: its activity id, or `undefined` when Teams took
 * the message (a 2xx answer) without giving one. Such a message was sent and is never posted
 * again, but it cannot be updated or replied to in its thread later.
 */
export type PostedMessageId = string | undefined;

export interface MessengerOptions {
  appId: string;
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** The first retry waits about this long; each further one twice as long (with jitter). */
  baseDelayMs: number;
  /** Longest wait between attempts, also for a server's Retry-After. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  /** Where a message Teams took without an id is reported (at info). */
  log?: Logger;
  /** Teams' limits, shared with every other sender of the app (replies in turns too); its own otherwise. */
  limits?: TeamsRateLimits;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
const PERMANENT = new Set([400, 401, 403, 404, 413]);

/**
 * Owns every proactive call to Teams: one queue per conversation (so bursts are smoothed,
 * never dropped, and a conversation waiting for its limit holds up no other), Teams' rate
 * limits per conversation and for the app (see TeamsRateLimits), and bounded retries with jittered backoff that
 * honour Retry-After. 403/404/413 are permanent and surface as DeliveryError at once.
 * Any 2xx answer to a post is success, with or without an activity id: a message Teams took
 * is never posted again.
 */
export class Messenger {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly limits: TeamsRateLimits;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly log: Logger;

  /** `adapter` gives the adapter each call goes through; it may build it then (see teamsOnDemand.ts). */
  constructor(
    private readonly adapter: () => CloudAdapter,
    private readonly options: MessengerOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.log = options.log ?? quietLogger;
    this.limits = options.limits ?? new TeamsRateLimits();
  }

  /**
   * Posts a new message to the conversation (a reply in a thread when the conversation id
   * names one); returns its activity id, or `undefined` when Teams took it without one.
   */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<PostedMessageId> {
    const id = await this.call(reference, 'send', async (context) => {
      // A new top-level post, never a reply: Teams threads replies under their parent.
      const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
      const response = await client.conversations.sendToConversation(reference.conversation!.id, {
        ...activity,
        type: 'message',
        from: reference.bot ?? context.activity.recipient,
        conversation: reference.conversation,
      });
      return response?.id || undefined;
    });
    if (id === undefined)
      this.log.info(
        `send to ${reference.conversation?.id ?? ''} was accepted without an activity id: kept as sent, it will not be updated`,
      );
    return id;
  }

  /**
   * Opens (or finds: Teams keeps one per user) the 1:1 chat of the bot with a member of the
   * team `via` belongs to; returns its conversation id. An answer without one is an error
   * (retried like a failure): there would be no chat to send to.
   */
  async openChat(
    via: Partial<ConversationReference>,
    memberTeamsId: string,
    tenantId: string | undefined,
  ): Promise<string> {
    return this.call(via, 'open chat', async (context) => {
      const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
      const parameters = {
        isGroup: false,
        bot: via.bot ?? context.activity.recipient,
        members: [{ id: memberTeamsId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters;
      const response = await client.conversations.createConversation(parameters);
      if (!response?.id) throw new DeliveryError('Teams returned no conversation id', undefined, false);
      return response.id;
    });
  }

  /** The member of the team (or chat) of `via` with this id, AAD object id or e-mail; undefined when there is none. */
  async findMember(via: Partial<ConversationReference>, userId: string): Promise<Actor | undefined> {
    return this.call(via, 'find member', (context) => findTeamMember(context, userId));
  }

  /** Replaces an earlier message of the bot (a card, for everyone who sees it). */
  async update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void> {
    await this.call(reference, 'update', async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
      return undefined;
    });
  }

  private call<T>(
    reference: Partial<ConversationReference>,
    what: string,
    work: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    const key = reference.conversation?.id ?? '';
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.withRetries(key, reference, what, work));
    this.queues.set(key, next);
    void next
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  private async withRetries<T>(
    key: string,
    reference: Partial<ConversationReference>,
    what: string,
    work: (context: TurnContext) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      // Every attempt counts: Teams counts refused requests as well.
      const permit = await this.limits.acquire(key, 'proactive');
      let outcome: Outcome<T>;
      try {
        outcome = await this.attempt(reference, work);
      } finally {
        permit.done();
      }
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      const status = statusOf(error);
      const description = `${what} to ${key} failed${status ? ` with HTTP ${status}` : ''}: ${(error as Error).message}`;
      if (status !== undefined && PERMANENT.has(status)) throw new DeliveryError(description, status, true);
      const retryable = status === undefined || RETRYABLE.has(status);
      if (!retryable || attempt >= this.options.maxAttempts) throw new DeliveryError(description, status, false);
      await this.sleep(this.backoff(attempt, retryAfterMs(error)));
    }
  }

  /** One call in a turn of its own; what it threw is its outcome. */
  private async attempt<T>(
    reference: Partial<ConversationReference>,
    work: (context: TurnContext) => Promise<T>,
  ): Promise<Outcome<T>> {
    // Errors are carried out of the turn by hand: thrown inside it, they would go to the
    // adapter's onTurnError (which answers users), and the call would look successful.
    let outcome = { ok: false, error: new Error('the turn did not run') } as Outcome<T>;
    try {
      await this.adapter().continueConversationAsync(this.options.appId, reference, async (context) => {
        withoutTransportRetries(context.turnState.get(context.adapter.ConnectorClientKey));
        try {
          outcome = { ok: true, value: await work(context) };
        } catch (error) {
          outcome = { ok: false, error };
        }
      });
    } catch (error) {
      outcome = { ok: false, error };
    }
    return outcome;
  }

  private backoff(attempt: number, retryAfter: number | undefined): number {
    const exponential = this.options.baseDelayMs * 2 ** (attempt - 1);
    const jittered = exponential / 2 + Math.random() * (exponential / 2);
    return Math.min(this.options.maxDelayMs, Math.max(retryAfter ?? 0, jittered));
  }
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response
    ?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/**
 * The connector client's HTTP pipeline retries on its own (up to 3 times, seconds apart),
 * which would multiply with the retries here and hide their timing. This class is the one
 * retry layer, so the pipeline's retry policy is taken out. If the client's internals ever
 * differ, nothing is removed and the pipeline keeps its own retries.
 */
function withoutTransportRetries(client: unknown): void {
  const pipeline = (
    client as { client?: { pipeline?: { removePolicy?: (p: { name: string }) => unknown } } } | undefined
  )?.client?.pipeline;
  pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}
