import { Duration, type DateTime } from 'luxon';
import { BackgroundDrain } from '../jobs/backgroundDrain';
import type { Logger } from '../log';
import type { Services } from '../services';
import type { PollCursorRepository } from '../store/pollCursorRepository';
import type { IncomingReferral } from '../domain/incoming';
import { parseInstant } from '../domain/timeLimits';
import { ingestReferrals } from './ingestReferrals';
import { parseReferrals } from './referralSchema';
import { problemsText } from './remoteReferral';

/** What polling needs of Partner Center's Referrals API (see PartnerCenterClient). */
export interface ReferralPages {
  listReferrals(query: { filter?: string; orderBy?: string; top?: number }): AsyncIterable<{ referrals: readonly unknown[] }>;
}

export interface PollerDeps {
  api: ReferralPages;
  cursor: PollCursorRepository;
  /** The bot's services; read when a poll runs, as they are made after this. */
  services: () => Services;
  clock: () => DateTime;
  log: Logger;
}

/** A first poll looks back this far: a referral unanswered for longer has expired. */
const FIRST_LOOK_BACK = Duration.fromObject({ days: 14 });
/** Each poll reads again what changed in the minute before the cursor, for clocks a little apart; storing is idempotent. */
const OVERLAP = Duration.fromObject({ minutes: 1 });
const PAGE_SIZE = 100;

export interface PollResult {
  pages: number;
  received: number;
  duplicates: number;
  /** Referrals Partner Center sent that the desk cannot read (logged with what is wrong). */
  unreadable: number;
}

/**
 * Polls Partner Center for referrals changed since the stored cursor, for tenants without
 * webhooks and to catch anything a webhook missed: `$filter=updatedDateTime gt <cursor>`,
 * oldest first, following `@odata.nextLink`. Each page is stored through the same path as
 * every delivery before the cursor moves past it, so a crash re-reads a page, never skips one.
 */
export class ReferralPoller extends BackgroundDrain {
  constructor(private readonly deps: PollerDeps) {
    super(deps.log, 'Partner Center poll');
  }

  protected async drainOnce(): Promise<void> {
    await this.poll();
  }

  async poll(): Promise<PollResult> {
    const { api, cursor, log } = this.deps;
    const services = this.deps.services();
    const stored = await cursor.get();
    const since = stored ? parseInstant(stored).minus(OVERLAP) : this.deps.clock().minus(FIRST_LOOK_BACK);
    const filter = `updatedDateTime gt ${since.toUTC().toISO()}`;
    const result: PollResult = { pages: 0, received: 0, duplicates: 0, unreadable: 0 };
    for await (const page of api.listReferrals({ filter, orderBy: 'updatedDateTime', top: PAGE_SIZE })) {
      const readable: IncomingReferral[] = [];
      let newest: string | undefined;
      for (const item of page.referrals) {
        const parsed = parseReferrals(item);
        if ('referrals' in parsed) {
          readable.push(...parsed.referrals);
          // Only what is stored moves the cursor: an unreadable referral is read again by the next poll.
          const updated = parsed.referrals[0].updatedDateTime;
          if (updated && (!newest || Date.parse(updated) > Date.parse(newest))) newest = updated;
        } else {
          result.unreadable++;
          log.error(`Partner Center referral ${parsed.problems[0]?.id ?? '(no id)'} not stored: ${problemsText(parsed.problems)}`);
        }
      }
      const ingested = await ingestReferrals(services, readable);
      result.pages++;
      result.received += ingested.received.length;
      result.duplicates += ingested.duplicates.length;
      if (newest) await cursor.advance(parseInstant(newest).toISO()!);
    }
    return result;
  }

  /** How far polling has got: the newest `updatedDateTime` stored, or null before the first poll. */
  async cursor(): Promise<string | null> {
    return this.deps.cursor.get();
  }
}
