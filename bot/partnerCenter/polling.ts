import { Duration, type DateTime } from 'luxon';
import { BackgroundDrain } from '../jobs/backgroundDrain';
import type { Logger } from '../log';
import type { PollCursorRepository } from '../store';
import type { IncomingReferral } from '../domain/incoming';
import { parseInstant } from '../domain/timeLimits';
import { NextLinkRefusedError } from './errors';
import { ingestReferrals, type IngestDeps } from '../referrals';
import { parseReferrals } from './referralSchema';
import { problemsText } from './remoteReferral';

/** What polling needs of Partner Center's Referrals API (see PartnerCenterClient). */
export interface ReferralPages {
  listReferrals(query: {
    filter?: string;
    orderBy?: string;
    top?: number;
  }): AsyncIterable<{ referrals: readonly unknown[] }>;
}

export interface PollerDeps {
  api: ReferralPages;
  cursor: PollCursorRepository;
  /** What each page is stored with, as every delivery is (see ingestReferrals). */
  receive: IngestDeps;
  clock: () => DateTime;
  log: Logger;
}

/** A first poll looks back this far: a referral unanswered for longer has expired. */
const FIRST_LOOK_BACK = Duration.fromObject({ days: 14 });
/** Each poll reads again what changed in the minute before the cursor, for clocks a little apart; storing is idempotent. */
const OVERLAP = Duration.fromObject({ minutes: 1 });
const PAGE_SIZE = 100;

/** What one poll did. */
export interface PollResult {
  pages: number;
  received: number;
  duplicates: number;
  /** New to the desk but not for it (expired before it saw them; outgoing ones are not asked for): no card. */
  ignored: number;
  /** Referrals Partner Center sent that the desk cannot read (logged with what is wrong). */
  unreadable: number;
  /** Why the poll stopped before the last page: an `@odata.nextLink` the client would not follow. */
  refusedNextLink?: string;
}

/**
 * Polls Partner Center for referrals changed since the stored cursor, for tenants without
 * webhooks and to catch anything a webhook missed: `$filter=updatedDateTime gt <cursor> and
 * direction eq 'Incoming'` (the partner's own, outgoing referrals are not for the desk),
 * oldest first, following `@odata.nextLink`. Each page is stored through the same path as
 * every delivery before the cursor moves past it, so a crash re-reads a page, never skips one.
 * A next link the client will not follow ends the poll after the pages read so far are
 * stored: the next poll goes on from the cursor, past them. Such a link is logged once, not
 * on every poll, until a poll gets through to the last page again.
 */
export class ReferralPoller extends BackgroundDrain {
  /** The refusal last logged, so one that repeats on every poll is logged once. */
  private refusalLogged: string | undefined;

  constructor(private readonly deps: PollerDeps) {
    super(deps.log, 'Partner Center poll');
  }

  protected async drainOnce(): Promise<void> {
    await this.poll();
  }

  async poll(): Promise<PollResult> {
    const { api, cursor, log } = this.deps;
    const stored = await cursor.get();
    const since = stored ? parseInstant(stored).minus(OVERLAP) : this.deps.clock().minus(FIRST_LOOK_BACK);
    const filter = `updatedDateTime gt ${since.toUTC().toISO()} and direction eq 'Incoming'`;
    const result: PollResult = { pages: 0, received: 0, duplicates: 0, ignored: 0, unreadable: 0 };
    try {
      for await (const page of api.listReferrals({ filter, orderBy: 'updatedDateTime', top: PAGE_SIZE }))
        await this.store(page.referrals, result);
    } catch (error) {
      if (!(error instanceof NextLinkRefusedError)) throw error;
      result.refusedNextLink = error.refusal;
      if (this.refusalLogged !== error.refusal)
        log.error(
          `Partner Center poll stopped after ${result.pages} page(s), stored; the next poll goes on from there. It was sent ${error.refusal}`,
        );
      this.refusalLogged = error.refusal;
      return result;
    }
    this.refusalLogged = undefined;
    return result;
  }

  /** Stores one page's readable referrals, then moves the cursor to the newest of them. */
  private async store(referrals: readonly unknown[], result: PollResult): Promise<void> {
    const { cursor, log } = this.deps;
    const readable: IncomingReferral[] = [];
    let newest: string | undefined;
    for (const item of referrals) {
      const parsed = parseReferrals(item);
      if ('referrals' in parsed) {
        readable.push(...parsed.referrals);
        // Only what is stored moves the cursor: an unreadable referral is read again by the next poll.
        const updated = parsed.referrals[0].updatedDateTime;
        if (updated && (!newest || Date.parse(updated) > Date.parse(newest))) newest = updated;
      } else {
        result.unreadable++;
        log.error(
          `Partner Center referral ${parsed.problems[0]?.id ?? '(no id)'} not stored: ${problemsText(parsed.problems)}`,
        );
      }
    }
    const ingested = await ingestReferrals(this.deps.receive, readable);
    result.pages++;
    result.received += ingested.received.length;
    result.duplicates += ingested.duplicates.length;
    result.ignored += ingested.ignored.length;
    if (newest) await cursor.advance(parseInstant(newest).toISO()!);
  }

  /** How far polling has got: the newest `updatedDateTime` stored, or null before the first poll. */
  async cursor(): Promise<string | null> {
    return this.deps.cursor.get();
  }
}
