import { isOpen, listedFor, summaryOf } from '../domain/dealSummary';
import { factsOf } from '../domain/digestFacts';
import type { ReferralRecord } from '../domain/referral';
import { regionOf } from '../domain/routing';
import { searchWordsOf } from '../domain/searchTerms';
import { stageOfRecord } from '../domain/stage';
import type { UseCaseDeps } from './ports';

/** What indexing a referral reads and writes. */
export type IndexingDeps = Pick<UseCaseDeps, 'indexes' | 'referrals' | 'regions'>;

/**
 * Brings the referral's index rows in line with the record: its place in its people's own
 * deals and in its region's open deals, the words it is found by, and the digest's facts of
 * every history event not counted yet. Nothing to do when rows of this revision (or a later
 * one) are in place.
 */
export async function indexReferral(services: IndexingDeps, record: ReferralRecord): Promise<void> {
  const { id } = record.referral;
  const { revision } = record.desk;
  const previous = await services.indexes.entry(id);
  if (previous && previous.revision >= revision) return;
  const region = regionOf(record.referral.customerProfile.address.country, services.regions);
  const counted = previous?.factsThrough ?? 0;
  // Facts need every event up to this revision: the first answer is told from the later ones.
  const events = await services.referrals.events(id, 0, revision);
  await services.indexes.update(
    id,
    {
      revision,
      people: listedFor(record),
      region,
      open: isOpen(stageOfRecord(record)),
      words: searchWordsOf(record),
      factsThrough: revision,
      summary: summaryOf(record, services.regions),
      facts: factsOf(record, events, region).filter((fact) => fact.revision > counted),
    },
    previous,
  );
}
