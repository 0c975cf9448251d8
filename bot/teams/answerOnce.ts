import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { DateTime } from 'luxon';
import { isReferralCard } from '../../cards/referral/referralCard';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/render';
import type { Actor } from '../domain/referral';
import type { Services } from '../services';
import { ANSWERS_KEPT_FOR, type AnsweredInvokeRepository, type ClickId, type InvokeClaim } from '../store';
import { nextTurn } from './afterAnswers';
import { cardResponse, messageResponse } from './invokeResponses';
import { personalCard, type PersonalCardServices } from './views/personalCard';

/** What a card action answered, and whether that answer is given again to a repeat. */
export interface ActionOutcome {
  response: AdaptiveCardInvokeResponse;
  /** False when the action failed on the desk's side: a repeat of its id runs it afresh. */
  keep: boolean;
}

/** One delivery of a card action. */
export interface ActionDelivery {
  /** The id Teams gave the invoke; its retries carry the same. */
  activityId: string | undefined;
  actor: Actor;
  /** The referral the action names, to show again in place of an answer too large to keep. */
  referralId: string | undefined;
  /** In the sender's language (looked up beside the claim of the id). */
  services: Promise<AnswerServices>;
}

/** What answering a repeat reads: the time, the sentences, the log, and the referral to draw its current card. */
export type AnswerServices = Pick<Services, 'clock' | 'strings' | 'log' | 'referrals'> & PersonalCardServices;

/** How long a delivery waits for another delivery of its id to answer: `attempts` looks, `pause` apart. */
export interface AnswerWait {
  attempts: number;
  pause: () => Promise<void>;
}

/** About three seconds, within the time Teams waits for an invoke's answer. */
export const WAIT_FOR_ANSWER: AnswerWait = {
  attempts: 12,
  pause: () => new Promise((resolve) => setTimeout(resolve, 250)),
};

/** Longer ids or sender ids are not Teams': such a delivery runs as it is, remembered by nobody. */
const MAX_ID_CHARS = 256;

/** What is kept of an answer: the answer itself, or, when too large, what to show in its place. */
type KeptAnswer = { response: AdaptiveCardInvokeResponse } | { currentCardOf: string } | { done: true };

/**
 * Card actions that change something run once per activity id and sender: Teams delivers an
 * invoke again, with the same id, when the answer was late, and that repeat gets the first
 * answer and changes nothing (an older edit repeated after a newer one would undo it).
 *
 * The id is claimed in the table before the action runs. A second delivery meanwhile waits
 * for the first one's answer rather than answering "busy" at once: Teams repeats an invoke
 * because the first was slow, so the repeat usually arrives while the first still runs, and
 * its answer is the one the user sees. In this process it waits for the first delivery
 * itself; one that reached another instance is looked for in the table, WAIT_FOR_ANSWER
 * long, then answered "still working" with nothing changed. Either way the action runs once.
 *
 * The answer is kept for ANSWERS_KEPT_FOR, compressed. A card too large for that is kept as
 * "the referral's current card for this sender", rendered again when asked: it is what the
 * first answer showed, unless the referral has changed since, and then it shows what holds
 * now (never an older state). Any other answer too large is kept as "done already".
 *
 * A click that changes its referral through the lifecycle is told apart by the change
 * itself instead (answerBySave): its id is saved with the change, in one transaction, and a
 * repeat finds it there and is answered with the card as it is now. It costs the click no
 * storage call of its own, and holds across instances and crashes.
 */
export class AnswerOnce {
  private readonly running = new Map<string, Promise<AdaptiveCardInvokeResponse>>();
  /** Answers given and being kept (see answer). */
  private readonly keeping = new Set<Promise<void>>();
  /** When each sender's old answers were last swept from here. */
  private readonly sweptAt = new Map<string, DateTime>();

  constructor(
    private readonly answers: AnsweredInvokeRepository,
    private readonly clock: () => DateTime,
    private readonly wait: AnswerWait = WAIT_FOR_ANSWER,
  ) {}

  /**
   * `run`'s answer for a new delivery; for a repeat of one, the answer it gave (running nothing).
   * The answer goes out first and is kept after: a repeat arriving here meanwhile gets it from
   * memory, one arriving at another instance waits for it in the table (see WAIT_FOR_ANSWER).
   */
  async answer(delivery: ActionDelivery, run: () => Promise<ActionOutcome>): Promise<AdaptiveCardInvokeResponse> {
    const { activityId, actor } = delivery;
    if (!AnswerOnce.clickOf(activityId, actor) || !activityId) return (await run()).response;
    const key = JSON.stringify([actor.id, activityId]);
    const earlier = this.running.get(key);
    if (earlier) return earlier;
    const answering = this.claimAndRun(delivery, activityId, run);
    this.running.set(
      key,
      answering.then(({ response }) => response),
    );
    try {
      const { response, keep } = await answering;
      // Kept from the next turn of the event loop, once the answer is on its way: it waits for no storage call.
      const kept = nextTurn()
        .then(keep)
        .finally(() => {
          this.keeping.delete(kept);
          this.running.delete(key);
        });
      this.keeping.add(kept);
      return response;
    } catch (error) {
      this.running.delete(key);
      throw error;
    }
  }

  /** The click as saved with the change it makes; none when Teams gave it no id (or one no Teams id is). */
  static clickOf(activityId: string | undefined, actor: Actor): ClickId | undefined {
    if (!activityId || activityId.length > MAX_ID_CHARS || actor.id.length > MAX_ID_CHARS) return undefined;
    return { actorId: actor.id, activityId };
  }

  /**
   * `run`'s answer for a click whose change saves its id (see ChangeStart.click): a repeat
   * arriving here while it runs gets the same answer; any later one finds the click saved.
   */
  async answerBySave(click: ClickId, run: () => Promise<ActionOutcome>): Promise<AdaptiveCardInvokeResponse> {
    const key = JSON.stringify([click.actorId, click.activityId]);
    const earlier = this.running.get(key);
    if (earlier) return earlier;
    const answering = run().then(({ response }) => response);
    this.running.set(key, answering);
    try {
      return await answering;
    } finally {
      this.running.delete(key);
    }
  }

  /** Resolves once every answer given so far is kept (for shutdown and tests). */
  async whenIdle(): Promise<void> {
    while (this.keeping.size > 0) await Promise.all([...this.keeping]);
  }

  /** The answer, and how to keep it once given (never throws). */
  private async claimAndRun(
    delivery: ActionDelivery,
    activityId: string,
    run: () => Promise<ActionOutcome>,
  ): Promise<{ response: AdaptiveCardInvokeResponse; keep: () => Promise<void> }> {
    const { actor } = delivery;
    const nothing = async () => undefined;
    for (let look = 0; ; look++) {
      const found = await this.answers.claim(actor.id, activityId, this.clock());
      if (found.kind === 'answered')
        return { response: await replay(found.answer as KeptAnswer, delivery), keep: nothing };
      if (found.kind === 'claimed') return this.runClaimed(found.claim, delivery, run);
      if (look >= this.wait.attempts)
        return { response: messageResponse((await delivery.services).strings.actions.stillWorking), keep: nothing };
      await this.wait.pause();
    }
  }

  private async runClaimed(
    claim: InvokeClaim,
    delivery: ActionDelivery,
    run: () => Promise<ActionOutcome>,
  ): Promise<{ response: AdaptiveCardInvokeResponse; keep: () => Promise<void> }> {
    let outcome: ActionOutcome;
    try {
      outcome = await run();
    } catch (error) {
      // Storage out of reach: the delivery fails and Teams repeats it, which must run again.
      await this.answers.release(claim).catch(() => undefined);
      throw error;
    }
    const keep = async () => {
      const { log } = await delivery.services;
      try {
        if (!outcome.keep) return await this.answers.release(claim);
        const kept: KeptAnswer = { response: outcome.response };
        await this.answers.answer(claim, kept, standInFor(outcome.response, delivery.referralId), this.clock());
        await this.sweepOnceADay(delivery.actor.id);
      } catch (error) {
        // What the action did is done: its answer went out, and a repeat finds the claim lapsed in time.
        log.error("a card action's answer could not be kept", error);
      }
    };
    return { response: outcome.response, keep };
  }

  private async sweepOnceADay(senderId: string): Promise<void> {
    const now = this.clock();
    const last = this.sweptAt.get(senderId);
    if (last && now < last.plus(ANSWERS_KEPT_FOR)) return;
    this.sweptAt.set(senderId, now);
    await this.answers.sweep(senderId, now);
  }
}

/** What to keep when the answer is too large: the referral's current card for the sender, or "done already". */
function standInFor(response: AdaptiveCardInvokeResponse, referralId: string | undefined): KeptAnswer {
  if (referralId && response.type === ADAPTIVE_CARD_CONTENT_TYPE && isReferralCard(response.value))
    return { currentCardOf: referralId };
  return { done: true };
}

async function replay(kept: KeptAnswer, delivery: ActionDelivery): Promise<AdaptiveCardInvokeResponse> {
  if ('response' in kept) return kept.response;
  const { actor } = delivery;
  const services = await delivery.services;
  if ('currentCardOf' in kept) {
    const stored = await services.referrals.get(kept.currentCardOf);
    return stored
      ? cardResponse(await personalCard(services, stored.record, actor))
      : messageResponse(services.strings.actions.notFound);
  }
  return messageResponse(services.strings.actions.alreadyDone);
}
