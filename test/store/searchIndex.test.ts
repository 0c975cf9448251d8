import assert from 'node:assert/strict';
import type { TableClient } from '@azure/data-tables';
import defaultRegions from '../../bot/config/regions.default.json';
import { summaryOf } from '../../bot/domain/dealSummary';
import type { Referral, ReferralRecord } from '../../bot/domain/referral';
import type { Region } from '../../bot/domain/routing';
import { MAX_TERM, MIN_TERM, searchWordsOf, wordsOf } from '../../bot/domain/searchTerms';
import { ReferralIndexRepository } from '../../bot/store/referralIndexRepository';
import { receivedRecord } from '../support/fixtures';
import { freshStorage } from '../support/rootHooks';

const REGIONS = defaultRegions.regions as Region[];

const record = (id: string, name: string, customer: string, crmId?: string): ReferralRecord => {
  const base = receivedRecord();
  const referral: Referral = {
    ...base.referral,
    id,
    name,
    customerProfile: { ...base.referral.customerProfile, name: customer },
    ...(crmId ? { externalReferenceId: crmId } : {}),
  };
  return { referral, desk: { revision: 1 } };
};

/** Referrals whose words begin one another, share beginnings, run long, and carry other scripts. */
const RECORDS = [
  record('a1b2c3d4-0000-4000-8000-000000000001', 'Contoso cloud migration', 'Contoso GmbH', 'CRM-4711'),
  record('a1b2c3d4-0000-4000-8000-000000000002', 'Contosoland cloudy rollout', 'Cont Ltd'),
  record('b1b2c3d4-0000-4000-8000-000000000003', 'Supercalifragilisticexpialidocious pilot', 'Fabrikam AG'),
  record('c0ffee00-0000-4000-8000-000000000004', 'Миграция Москва', 'Société Générale – Zürich', '4711'),
  record('a1b0c3d4-0000-4000-8000-000000000005', 'a1b AI pilot', 'A1B2 Labs'),
];

/** Every beginning of every word, and the id whole: what the earlier format found a referral by. */
function earlierTermsOf(of: ReferralRecord): Set<string> {
  const { referral } = of;
  const terms = new Set([referral.id.toLowerCase()]);
  for (const word of wordsOf(
    [referral.customerProfile.name, referral.name, referral.externalReferenceId ?? ''].join(' '),
  ))
    for (let length = MIN_TERM; length <= Math.min(word.length, MAX_TERM); length++) terms.add(word.slice(0, length));
  return terms;
}

const update = (of: ReferralRecord) => ({
  revision: of.desk.revision,
  people: [],
  region: 'emea',
  open: true,
  words: searchWordsOf(of),
  factsThrough: of.desk.revision,
  summary: summaryOf(of, REGIONS),
  facts: [],
});

/** The rows the earlier format wrote for a referral: an entry listing its terms, and a row per term. */
async function writeEarlierFormat(table: TableClient, of: ReferralRecord): Promise<void> {
  const id = encodeURIComponent(of.referral.id);
  const terms = [...earlierTermsOf(of)];
  for (const term of terms) await table.createEntity({ partitionKey: `term~${encodeURIComponent(term)}`, rowKey: id });
  const state = { revision: 1, people: [], region: 'emea', open: true, terms, factsThrough: 1 };
  await table.createEntity({ partitionKey: `entry~${id}`, rowKey: 'state', state: JSON.stringify(state) });
}

async function legacyRows(table: TableClient): Promise<number> {
  let count = 0;
  for await (const row of table.listEntities({ queryOptions: { filter: "PartitionKey ge 'term~'" } }))
    if (row.partitionKey!.startsWith('term~')) count++;
  return count;
}

describe('store: the search words of referrals', () => {
  let table: TableClient;
  let indexes: ReferralIndexRepository;
  /** Every term any referral had in the earlier format, its ids cut short, and words nobody has. */
  const queries = [
    ...new Set(RECORDS.flatMap((of) => [...earlierTermsOf(of)])),
    'a1b2c3d4',
    'a1b2c3d4-0000-4000-8000-00000000000',
    'tailspin',
    'co',
  ];
  /** Which referrals the earlier format found by `text`, in the order of their ids. */
  const foundBefore = (text: string) =>
    RECORDS.filter((of) => earlierTermsOf(of).has(text))
      .map((of) => of.referral.id)
      .sort();

  beforeEach(async () => {
    const { storage } = await freshStorage();
    table = storage.client('indexes');
    indexes = new ReferralIndexRepository(table);
  });

  it('finds exactly what every beginning of a word found before, and ids only whole', async () => {
    for (const of of RECORDS) await indexes.update(of.referral.id, update(of), null);
    for (const text of queries) assert.deepEqual(await indexes.findByTerm(text, 100), foundBefore(text), text);
    assert.deepEqual(foundBefore('a1b'), ['a1b0c3d4-0000-4000-8000-000000000005'], 'the word "a1b", not the ids');
  });

  it('keeps one row per word and the id, not one per beginning', async () => {
    const [contoso] = RECORDS;
    await indexes.update(contoso.referral.id, update(contoso), null);
    let rows = 0;
    for await (const row of table.listEntities({ queryOptions: { filter: "PartitionKey ge 'words~'" } }))
      if (row.partitionKey!.startsWith('words~')) rows++;
    assert.deepEqual(searchWordsOf(contoso).sort(), ['4711', 'cloud', 'contoso', 'crm', 'gmbh', 'migration']);
    assert.equal(rows, 7);
  });

  it('stops at the limit, and forgets the words a referral no longer has', async () => {
    for (const of of RECORDS) await indexes.update(of.referral.id, update(of), null);
    assert.equal((await indexes.findByTerm('con', 1)).length, 1);
    const [contoso] = RECORDS;
    const renamed = record(contoso.referral.id, 'Northwind rollout', 'Northwind Traders');
    renamed.desk.revision = 2;
    await indexes.update(contoso.referral.id, update(renamed), await indexes.entry(contoso.referral.id));
    assert.deepEqual(await indexes.findByTerm('migr', 100), []);
    assert.deepEqual(await indexes.findByTerm('north', 100), [contoso.referral.id]);
    assert.deepEqual(await indexes.findByTerm(contoso.referral.id, 100), [contoso.referral.id], 'still by its id');
  });

  it('finds referrals indexed in the earlier format, and moves each to the new rows when indexed again', async () => {
    for (const of of RECORDS) await writeEarlierFormat(table, of);
    for (const text of queries) assert.deepEqual(await indexes.findByTerm(text, 100), foundBefore(text), text);

    for (const of of RECORDS) {
      const next = { ...update(of), revision: 2 };
      await indexes.update(of.referral.id, next, await indexes.entry(of.referral.id));
    }
    assert.equal(await legacyRows(table), 0, 'the rows of the earlier format are gone');
    const restarted = new ReferralIndexRepository(table);
    for (const text of queries) assert.deepEqual(await restarted.findByTerm(text, 100), foundBefore(text), text);
  });

  it('finds a referral indexed in the earlier format beside those indexed since', async () => {
    const [contoso, contosoland] = RECORDS;
    await writeEarlierFormat(table, contoso);
    await indexes.update(contosoland.referral.id, update(contosoland), null);
    assert.deepEqual(await indexes.findByTerm('conto', 100), [contoso.referral.id, contosoland.referral.id]);
    assert.deepEqual(await indexes.findByTerm('migration', 100), [contoso.referral.id]);
  });

  it('spreads the rows of a word many referrals share over partitions, and finds them all', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const id of ids) {
      const of = record(id, 'Contoso rollout', 'Contoso GmbH');
      await indexes.update(id, update(of), null);
    }
    assert.deepEqual(await indexes.findByTerm('contos', 1000), ids);
    const partitions = new Map<string, number>();
    for await (const row of table.listEntities({ queryOptions: { filter: "PartitionKey ge 'words~contoso~'" } }))
      if (row.partitionKey!.startsWith('words~contoso~'))
        partitions.set(row.partitionKey!, (partitions.get(row.partitionKey!) ?? 0) + 1);
    assert.equal(
      [...partitions.values()].reduce((a, b) => a + b),
      200,
    );
    assert.ok(
      Math.max(...partitions.values()) <= 12,
      `at most 12 rows in a partition: ${[...partitions.values()].join(', ')}`,
    );
  });
});
