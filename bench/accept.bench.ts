import { decide } from '../bot/domain/lifecycle';
import { isDomainError } from '../bot/domain/errors';
import { VERBS } from '../cards/verbs';
import { NOW } from '../test/support/fixtures';
import { CHANNELS, cardAction, teamMember, type User } from '../test/support/teamsActivities';
import { BENCH_PREFIX, BenchDesk, type TimedAnswer } from './support/benchDesk';
import { ACCEPT_FORM, benchReferrals, benchUsers } from './support/benchReferrals';
import { breakdownLines } from './support/callBreakdown';
import type { StorageCall } from './support/countingProxy';

/**
 * What a click on Accept and a delivery of referrals cost, beside their floor, on the production
 * app over HTTP with its tables in a child process behind a counting proxy:
 *  - Accept's server time against the storage floor measured in the same run (read the referral,
 *    write it with its history event in one transaction), at each size of the store (target ≤ 2×),
 *    with the storage calls made before the answer;
 *  - Accept's p99 with 50 people clicking at once (target < 1 s);
 *  - the storage calls a delivery makes before its answer, per referral (target ≤ 4), and the
 *    ingest rate (delivery to every card posted) at the largest size against an empty store (target ≥ 0.8×);
 *    beside it, the storage calls per referral in all, by kind (what the work after the answer costs), and
 *    the processor time per referral of the desk and its tables, which other load on the machine sways less.
 */

const BATCH = 500;
const SEQUENTIAL_ACCEPTS = 25;
const CONCURRENT_USERS = 50;
const CONCURRENT_ROUNDS = 4;
const SIZES = (process.env.BENCH_ACCEPT_SIZES ?? '1000,10000').split(',').map(Number);

/**
 * Cards go out as fast as the stand-in takes them: how fast Teams lets them through is the
 * fan-out benchmark's measure; here the desk and its storage are.
 */
const UNLIMITED = {
  conversation: [{ count: 1_000_000, windowMs: 1_000 }],
  app: [{ count: 1_000_000, windowMs: 1_000 }],
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (value: number) => `${value.toFixed(1)} ms`;
/** The storage calls made while the desk's server had the request (see ServerTimes). */
const callsDuring = (calls: StorageCall[], { served }: TimedAnswer) =>
  calls.filter((call) => call.at >= served.from && call.at <= served.to);

interface Ingest {
  referrals: number;
  callsPerReferral: number;
  /** Every storage call from the delivery until every card is posted and all that follows done. */
  callsInAll: number;
  /** Those calls per referral by kind, as lines to print. */
  breakdown: string[];
  perSecond: number;
  /** Processor time of the desk and its table server per referral: less swayed than the rate by other load. */
  cpuMsPerReferral: number;
}

class AcceptBench {
  private readonly desk = new BenchDesk();
  private readonly users: User[] = benchUsers(CONCURRENT_USERS);
  /** The channel card of every referral delivered and not yet clicked, by referral id. */
  private readonly cards = new Map<string, string>();
  private delivered = 0;

  async run(): Promise<void> {
    await this.desk.start({}, UNLIMITED);
    try {
      this.desk.connector.members.push(...this.users.map(teamMember));
      await this.desk.link(CHANNELS.emea, 'emea');
      const first = await this.ingest(BATCH);
      console.log(
        `  ingest into an empty store: ${first.callsPerReferral.toFixed(1)} storage calls per referral before the ` +
          `answer (target ≤ 4), ${first.perSecond.toFixed(1)} referrals/s from delivery to every card posted ` +
          `(${first.cpuMsPerReferral.toFixed(1)} ms of processor time per referral, desk and tables); ` +
          `${first.callsInAll.toFixed(1)} storage calls per referral in all, by kind:`,
      );
      console.log(first.breakdown.join('\n'));
      let last = first;
      for (const size of SIZES) {
        while (this.delivered < size) last = await this.ingest(Math.min(BATCH, size - this.delivered));
        await this.measureAccept(size);
      }
      const largest = SIZES.at(-1)!;
      last = await this.ingest(BATCH);
      console.log(
        `  ingest into a store of ${largest.toLocaleString('en')}: ${last.callsPerReferral.toFixed(1)} calls per referral, ` +
          `${last.perSecond.toFixed(1)} referrals/s; ` +
          `ratio to the empty store ${(last.perSecond / first.perSecond).toFixed(2)} (target ≥ 0.8); ` +
          `processor time per referral ${last.cpuMsPerReferral.toFixed(1)} ms, ` +
          `${(first.cpuMsPerReferral / last.cpuMsPerReferral).toFixed(2)} of the empty store's pace; ` +
          `${last.callsInAll.toFixed(1)} storage calls per referral in all, by kind:`,
      );
      console.log(last.breakdown.join('\n'));
      await this.measureConcurrent();
    } finally {
      await this.desk.stop();
    }
  }

  /** Delivers the next `count` referrals in one delivery and waits until every card is posted. */
  private async ingest(count: number): Promise<Ingest> {
    await this.desk.storageCalls();
    const cpuBefore = await this.desk.cpuMs();
    const answer = await this.desk.deliver(benchReferrals(this.delivered, this.delivered + count));
    if (answer.status !== 202) throw new Error(`delivery: ${answer.status} ${JSON.stringify(answer.body)}`);
    await this.desk.settle();
    const done = performance.timeOrigin + performance.now();
    const cpuMs = (await this.desk.cpuMs()) - cpuBefore;
    const calls = await this.desk.storageCalls();
    const during = callsDuring(calls, answer);
    this.delivered += count;
    this.noteCards();
    return {
      referrals: count,
      callsPerReferral: during.length / count,
      callsInAll: calls.length / count,
      breakdown: breakdownLines(calls, count, BENCH_PREFIX),
      perSecond: count / ((done - answer.sentAt) / 1000),
      cpuMsPerReferral: cpuMs / count,
    };
  }

  /** Remembers the card activity of every referral posted since, and forgets the posts. */
  private noteCards(): void {
    for (const call of this.desk.connector.calls.splice(0)) {
      if (call.kind !== 'send' || !call.answeredId) continue;
      const id = /b0000000-0000-4000-8000-\d{12}/.exec(JSON.stringify(call.body))?.[0];
      if (id) this.cards.set(id, call.answeredId);
    }
  }

  /** A referral not clicked yet, and its card. */
  private nextCard(): { referralId: string; activityId: string } {
    const [referralId, activityId] = this.cards.entries().next().value as [string, string];
    this.cards.delete(referralId);
    return { referralId, activityId };
  }

  private async floorOnce(): Promise<number> {
    const { referralId } = this.nextCard();
    const { referrals } = this.desk.services;
    const actor = { id: 'aad-rep-0', name: 'Rep 0' };
    const started = performance.now();
    const stored = await referrals.get(referralId);
    const decision = decide(
      stored!.record,
      { action: 'accept', input: { ...ACCEPT_FORM, dealValue: 30000 } },
      actor,
      NOW,
    );
    if (isDomainError(decision)) throw new Error(`floor: ${decision.kind}`);
    await referrals.save(stored!, decision.record, decision.event);
    return performance.now() - started;
  }

  private async accept(user: User): Promise<TimedAnswer> {
    const { referralId, activityId } = this.nextCard();
    const activity = cardAction(
      this.desk.connector.url,
      CHANNELS.emea,
      activityId,
      VERBS.accept,
      { referralId, ...ACCEPT_FORM },
      user,
    );
    const answer = await this.desk.activity(activity);
    const body = answer.body as { statusCode?: number; type?: string } | undefined;
    if (answer.status !== 200 || body?.type !== 'application/vnd.microsoft.card.adaptive')
      throw new Error(`accept of ${referralId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    return answer;
  }

  /** Floor and Accept alternately, each on a quiet desk (what an Accept leaves to do is done between). */
  private async measureAccept(size: number): Promise<void> {
    const floors: number[] = [];
    const accepts: number[] = [];
    const calls: number[] = [];
    await this.warmUp();
    for (let i = 0; i < SEQUENTIAL_ACCEPTS; i++) {
      floors.push(await this.floorOnce());
      await this.desk.storageCalls();
      const answer = await this.accept(this.users[i]);
      accepts.push(answer.served.to - answer.served.from);
      calls.push(callsDuring(await this.desk.storageCalls(), answer).length);
      await this.desk.settle();
    }
    const floor = median(floors);
    const accept = median(accepts);
    console.log(
      `  Accept at ${size.toLocaleString('en')} stored referrals: median ${ms(accept)} against a floor of ${ms(floor)}, ` +
        `ratio ${(accept / floor).toFixed(2)} (target ≤ 2); ${median(calls)} storage calls before the answer (floor 2)`,
    );
  }

  /**
   * Each person who clicks next opens a card first (a refresh): a desk in use knows its people,
   * and keeps each one's profile for a minute (see PROFILE_KEPT_MS); without it, a person's
   * first click in that time also reads their profile.
   */
  private async warmUp(): Promise<void> {
    const [referralId, activityId] = this.cards.entries().next().value as [string, string];
    for (const user of this.users.slice(0, SEQUENTIAL_ACCEPTS)) {
      const refresh = cardAction(
        this.desk.connector.url,
        CHANNELS.emea,
        activityId,
        VERBS.refresh,
        { referralId },
        user,
      );
      const answer = await this.desk.activity(refresh);
      if (answer.status !== 200) throw new Error(`refresh of ${referralId}: ${answer.status}`);
    }
    await this.desk.settle();
  }

  /** Rounds of 50 people clicking Accept at once, each on a referral of their own; no pause between rounds. */
  private async measureConcurrent(): Promise<void> {
    const times: number[] = [];
    for (let round = 0; round < CONCURRENT_ROUNDS; round++) {
      const answers = await Promise.all(this.users.map((user) => this.accept(user)));
      times.push(...answers.map((answer) => answer.answeredAt - answer.sentAt));
    }
    await this.desk.settle();
    console.log(
      `  Accept with ${CONCURRENT_USERS} people at once (${times.length} clicks): median ${ms(median(times))}, ` +
        `p99 ${ms(percentile(times, 99))} (target < 1,000 ms)`,
    );
  }
}

export async function acceptBenchmark(): Promise<void> {
  await new AcceptBench().run();
}
