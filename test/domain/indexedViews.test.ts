import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { isOpen, peopleOf, summaryOf } from '../../bot/domain/dealSummary';
import { factsOf, weekOf, weeksBetween } from '../../bot/domain/digestFacts';
import type { HistoryEvent } from '../../bot/domain/history';
import type { Actor, ReferralRecord } from '../../bot/domain/referral';
import { matchesQuery, searchPlan, searchWordsOf, wordsOf } from '../../bot/domain/searchTerms';
import defaultRegions from '../../bot/config/regions.default.json';
import type { Region } from '../../bot/domain/routing';
import { receivedRecord } from '../support/fixtures';

const REGIONS = defaultRegions.regions as Region[];
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const ALICE: Actor = { id: 'aad-alice', name: 'Alice Rep', teamsId: '29:alice' };
const BOB: Actor = { id: 'aad-bob', name: 'Bob Rep', teamsId: '29:bob' };
const event = (revision: number, action: HistoryEvent['action'], at: string, actor: Actor = ALICE): HistoryEvent => ({
  referralId: 'r',
  revision,
  at,
  actor,
  action,
  changes: [],
});

/** The fixture: Contoso GmbH in Germany, created 2026-11-23T08:00Z, expiring 2026-12-07T08:00Z. */
function acceptedDeal(): ReferralRecord {
  const base = receivedRecord();
  return {
    referral: {
      ...base.referral,
      name: 'Contoso migration wave 1',
      status: 'Active',
      substatus: 'Accepted',
      salesStage: 'Proposed',
      externalReferenceId: 'CRM-4711',
      details: {
        ...base.referral.details,
        dealValue: 30000,
        currency: 'EUR',
        closingDateTime: '2027-02-15T00:00:00.000Z',
      },
    },
    desk: { revision: 3, owner: ALICE, teamAccounts: [{ email: 'bob@partner.example', actor: BOB }] },
  };
}

describe('what the indexes keep of a referral', () => {
  it('summarises an undecided referral with its deadline, and an accepted deal with its close date and progress', () => {
    assert.deepEqual(summaryOf(receivedRecord(), REGIONS), {
      referralId: 'a1b2c3d4-0000-4000-8000-000000000001',
      region: 'emea',
      stage: 'received',
      name: 'Contoso cloud migration',
      customer: 'Contoso GmbH',
      country: 'DE',
      value: 25000,
      currency: 'EUR',
      percent: 10,
      deadline: '2026-12-07T08:00:00.000Z',
    });
    const deal = summaryOf(acceptedDeal(), REGIONS);
    assert.equal(deal.stage, 'accepted');
    assert.equal(deal.percent, 60);
    assert.equal(deal.salesStage, 'Proposed');
    assert.equal(deal.closing, '2027-02-15T00:00:00.000Z');
    assert.equal(deal.deadline, undefined);
    assert.deepEqual(deal.owner, { id: 'aad-alice', name: 'Alice Rep' });
    assert.equal(
      summaryOf(receivedRecord({ customerProfile: { name: 'Nowhere Ltd', address: { country: 'XX' } } }), REGIONS)
        .region,
      'none',
    );
  });

  it("lists a deal among its owner's and its Teams team members' own deals; open while undecided or accepted", () => {
    assert.deepEqual(peopleOf(acceptedDeal()), ['aad-alice', 'aad-bob']);
    assert.deepEqual(peopleOf(receivedRecord()), []);
    assert.deepEqual(
      (['received', 'evaluating', 'accepted', 'won', 'lost', 'declined', 'expired', 'missed'] as const).filter(isOpen),
      ['received', 'evaluating', 'accepted'],
    );
  });

  describe('facts for the digest', () => {
    it('counts arrival, the first answer with its response time, and the outcome with its value', () => {
      const facts = factsOf(
        acceptedDeal(),
        [
          event(1, 'received', '2026-11-23T08:05:00.000Z', { id: 'partner-center', name: 'Partner Center' }),
          event(2, 'accept', '2026-11-23T13:30:00.000Z'),
          event(3, 'edit', '2026-11-24T09:00:00.000Z'),
          event(4, 'win', '2026-12-01T10:00:00.000Z', BOB),
        ],
        'emea',
      );
      assert.deepEqual(facts, [
        {
          referralId: 'a1b2c3d4-0000-4000-8000-000000000001',
          revision: 1,
          region: 'emea',
          kind: 'received',
          at: '2026-11-23T08:05:00.000Z',
        },
        // Created 08:00, accepted 13:30: 330 minutes to the first answer.
        {
          referralId: 'a1b2c3d4-0000-4000-8000-000000000001',
          revision: 2,
          region: 'emea',
          kind: 'accepted',
          at: '2026-11-23T13:30:00.000Z',
          by: { id: 'aad-alice', name: 'Alice Rep' },
          firstResponseMinutes: 330,
        },
        {
          referralId: 'a1b2c3d4-0000-4000-8000-000000000001',
          revision: 4,
          region: 'emea',
          kind: 'won',
          at: '2026-12-01T10:00:00.000Z',
          by: { id: 'aad-bob', name: 'Bob Rep' },
          value: 30000,
          currency: 'EUR',
        },
      ]);
    });

    it('times the first answer of the two-step flow from Interested, and counts No thanks as declined and expiry unattributed', () => {
      const twoStep = factsOf(
        receivedRecord(),
        [event(2, 'accept', '2026-11-24T08:00:00.000Z'), event(1, 'interested', '2026-11-23T09:00:00.000Z')],
        'emea',
      );
      assert.deepEqual(
        twoStep.map((f) => [f.kind, f.firstResponseMinutes]),
        [
          ['interested', 60],
          ['accepted', undefined],
        ],
      );
      const missed = factsOf(receivedRecord(), [event(1, 'noThanks', '2026-11-23T08:30:00.000Z')], 'emea');
      assert.deepEqual(
        missed.map((f) => [f.kind, f.firstResponseMinutes]),
        [['declined', 30]],
      );
      const expired = factsOf(
        receivedRecord(),
        [event(1, 'expire', '2026-12-07T08:00:30.000Z', { id: 'system', name: 'Referral Desk' })],
        'emea',
      );
      assert.deepEqual(expired, [
        {
          referralId: 'a1b2c3d4-0000-4000-8000-000000000001',
          revision: 1,
          region: 'emea',
          kind: 'expired',
          at: '2026-12-07T08:00:30.000Z',
        },
      ]);
    });

    it('keeps facts by the UTC Monday of their week', () => {
      assert.equal(weekOf(utc('2026-11-29T23:59:59Z')), '2026-11-23');
      assert.equal(weekOf(utc('2026-11-30T00:00:00Z')), '2026-11-30');
      assert.deepEqual(weeksBetween(utc('2026-11-01T12:00:00Z'), utc('2026-11-24T00:00:00Z')), [
        '2026-10-26',
        '2026-11-02',
        '2026-11-09',
        '2026-11-16',
        '2026-11-23',
      ]);
    });
  });

  describe('search', () => {
    it('finds a referral by the words of its customer, its deal name and its CRM ID, each by its beginnings', () => {
      assert.deepEqual(searchWordsOf(acceptedDeal()).sort(), ['4711', 'contoso', 'crm', 'gmbh', 'migration', 'wave']);
      const longWord = receivedRecord({
        name: 'Contoso Contosoland Supercalifragilisticexpialidocious',
        customerProfile: { ...receivedRecord().referral.customerProfile, name: 'Con Contoso' },
      });
      assert.deepEqual(
        searchWordsOf(longWord).sort(),
        ['contosoland', 'supercalifragilisticexpi'],
        'words that begin another one are left out, and long ones are cut',
      );
      assert.deepEqual(wordsOf('Société Générale – Zürich'), ['societe', 'generale', 'zurich']);
    });

    it('reads candidates by the most telling word, and keeps those with every word', () => {
      assert.deepEqual(searchPlan('Contoso migration'), { term: 'migration', words: ['contoso', 'migration'] });
      assert.deepEqual(searchPlan(' A1B2C3D4-0000-4000-8000-000000000001 '), {
        term: 'a1b2c3d4-0000-4000-8000-000000000001',
        words: [],
      });
      assert.equal(searchPlan('ab c'), undefined);
      assert.equal(matchesQuery(acceptedDeal(), ['cont', 'wave']), true);
      assert.equal(matchesQuery(acceptedDeal(), ['cont', 'fabrikam']), false);
      assert.equal(matchesQuery(acceptedDeal(), ['4711']), true);
    });
  });
});
