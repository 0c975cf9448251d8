/**
 * The region a digest benchmark reads: its fixed present (recent referrals and long-running
 * deals) and a history that grows, written through the index repository as the bot's indexing
 * would have left them. Deterministic, so every run fills the same region.
 */
import { DateTime } from 'luxon';
import type { DealSummary } from '../bot/domain/dealSummary';
import type { FactKind, ReferralFact } from '../bot/domain/digestFacts';
import { DIGEST_SPAN } from '../bot/domain/digestMetrics';
import type { Region } from '../bot/domain/routing';
import type { IndexUpdate, ReferralIndexRepository } from '../bot/store';

/** The benchmark's fixed present: a Monday morning. */
export const NOW = DateTime.fromISO('2026-11-23T09:00:00.000Z', { zone: 'utc' });
/** The one region the digest covers. */
export const REGION: Region = {
  code: 'emea',
  name: 'Europe, Middle East and Africa',
  countries: ['DE'],
  managers: ['aad-bench-manager'],
};
/** The region's manager, whose digest is built. */
export const MANAGER = { id: 'aad-bench-manager', name: 'Bench Manager' };
const REPS = Array.from({ length: 25 }, (_, i) => ({ id: `aad-rep-${i}`, name: `Rep ${i}` }));
/** Referrals of the last five weeks. */
export const RECENT = 300;
/** Deals accepted months ago and still open. */
export const LONG_RUNNING = 200;
const PARALLEL_WRITES = 64;
/** What became of the referrals that are closed: as many won and lost as declined and expired together. */
const FATES = ['declined', 'expired', 'won', 'lost', 'won', 'lost'] as const;

/** A deterministic stand-in for randomness, so every run fills the same region. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Referral {
  id: string;
  facts: ReferralFact[];
  summary: DealSummary;
  open: boolean;
}

/** A referral of the region and its facts; those from `until` on have not happened yet. */
function referral(
  id: string,
  created: DateTime,
  fate: 'waiting' | 'open' | 'declined' | 'expired' | 'won' | 'lost',
  random: () => number,
  until = NOW,
): Referral {
  const rep = REPS[Math.floor(random() * REPS.length)];
  const value = Math.round(5_000 + random() * 95_000);
  const currency = random() < 0.7 ? 'EUR' : 'USD';
  const facts: ReferralFact[] = [];
  const add = (kind: FactKind, at: DateTime, extra: Partial<ReferralFact> = {}) => {
    if (at < until)
      facts.push({ referralId: id, revision: facts.length + 1, region: REGION.code, kind, at: at.toISO()!, ...extra });
  };
  add('received', created);
  const answered = created.plus({ minutes: Math.round(10 + random() * 3_000) });
  const firstResponseMinutes = Math.round(answered.diff(created).as('minutes'));
  if (fate === 'expired') add('expired', created.plus({ days: 14 }));
  else if (fate === 'declined') add('declined', answered, { by: rep, firstResponseMinutes });
  else if (fate !== 'waiting') add('accepted', answered, { by: rep, firstResponseMinutes });
  const closed = answered.plus({ days: 30 + Math.round(random() * 60) });
  if (fate === 'won') add('won', closed, { by: rep, value, currency });
  if (fate === 'lost') add('lost', closed, { by: rep });
  const open = fate === 'waiting' || fate === 'open';
  const summary: DealSummary = {
    referralId: id,
    region: REGION.code,
    stage: fate === 'waiting' ? 'received' : fate === 'open' ? 'accepted' : fate,
    name: `Deal ${id}`,
    customer: `Customer ${id}`,
    value,
    currency,
    percent: fate === 'open' ? [10, 20, 40, 60, 80][Math.floor(random() * 5)] : 10,
    ...(fate === 'waiting'
      ? { deadline: created.plus({ days: 14 }).toISO()! }
      : {
          closing: created
            .plus({ days: 20 + Math.round(random() * 120) })
            .startOf('day')
            .toISO()!,
          owner: rep,
        }),
  };
  return { id, facts, summary, open };
}

/**
 * The region as the bot's indexing would have left it, written through the index
 * repository: its present once, as every change writes it, then its history's facts grown
 * in steps, so each size is the one before with more history.
 */
export class BenchRegion {
  facts = 0;
  history = 0;
  private readonly past = sequence(2);
  private readonly historyEnds = NOW.minus(DIGEST_SPAN).startOf('week');

  constructor(private readonly indexes: ReferralIndexRepository) {}

  /** The same present for every size: the last five weeks' referrals and the long-running deals. */
  async writePresent(): Promise<void> {
    const present = sequence(1);
    const made: Referral[] = [];
    for (let i = 0; i < RECENT; i++) {
      const fate = (['waiting', 'open', FATES[i % FATES.length]] as const)[i % 3];
      made.push(
        referral(`recent-${i}`, NOW.minus({ minutes: 60 + present() * DIGEST_SPAN.as('minutes') }), fate, present),
      );
    }
    for (let i = 0; i < LONG_RUNNING; i++)
      made.push(referral(`running-${i}`, NOW.minus({ days: 60 + present() * 300 }), 'open', present));
    await this.write(made);
  }

  /** History up to `size` referrals, spread over the two years before the first week a digest reads. */
  async growHistory(size: number): Promise<void> {
    const start = NOW.minus({ years: 2 });
    const span = this.historyEnds.diff(start).as('minutes');
    const started = Date.now();
    while (this.history < size) {
      const batch: Referral[] = [];
      for (; this.history < size && batch.length < 10_000; this.history++) {
        const i = this.history;
        batch.push(
          referral(
            `history-${i}`,
            start.plus({ minutes: this.past() * span }),
            FATES[i % FATES.length],
            this.past,
            this.historyEnds,
          ),
        );
      }
      // Closed long ago: only their facts are read by a digest.
      await this.indexes.addFacts(batch.flatMap((r) => r.facts));
      this.facts += batch.reduce((sum, r) => sum + r.facts.length, 0);
      console.log(
        `    history: ${this.history.toLocaleString('en')} referrals written (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  }

  /** Through the index repository, as every change writes it. */
  private async write(referrals: Referral[]): Promise<void> {
    const one = async (r: Referral) => {
      this.facts += r.facts.length;
      const update: IndexUpdate = {
        revision: r.facts.length,
        people: [],
        region: REGION.code,
        open: r.open,
        words: [],
        factsThrough: r.facts.length,
        summary: r.summary,
        facts: r.facts,
      };
      await this.indexes.update(r.id, update, null);
    };
    for (let i = 0; i < referrals.length; i += PARALLEL_WRITES)
      await Promise.all(referrals.slice(i, i + PARALLEL_WRITES).map(one));
  }
}
