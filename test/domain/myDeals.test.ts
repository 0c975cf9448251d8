import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import { listedFor } from '../../bot/domain/dealSummary';
import { answeredRegionCodes, myDealsList, undecidedToAnswer } from '../../bot/domain/myDeals';
import type { ChannelLink, Region } from '../../bot/domain/routing';
import { NOW, receivedRecord } from '../support/fixtures';

const REGIONS: Region[] = [
  { code: 'emea', name: 'EMEA', countries: ['DE', 'FR', 'GB'], responders: ['aad-emea-responder'] },
  { code: 'dach', name: 'DACH', countries: ['DE', 'AT'] },
  { code: 'americas', name: 'Americas', countries: ['US', 'CA'] },
];
const LINKS: ChannelLink[] = [
  { target: { kind: 'region', code: 'emea' }, channel: { conversationId: '19:emea', teamId: 'team-a' } },
  { target: { kind: 'country', code: 'FR' }, channel: { conversationId: '19:france', teamId: 'team-b' } },
  { target: { kind: 'region', code: 'americas' }, channel: { conversationId: '19:americas', teamId: 'team-b' } },
];
const viewer = (teams: string[], id = 'aad-rep') => ({ actor: { id }, teams: new Set(teams) });
const deal = (referralId: string, country: string, overrides: Partial<DealSummary> = {}): DealSummary => ({
  referralId,
  region: country === 'DE' ? 'dach' : country === 'FR' || country === 'GB' ? 'emea' : 'americas',
  stage: 'received',
  name: referralId,
  customer: referralId,
  country,
  percent: 0,
  deadline: NOW.plus({ days: 3 }).toISO()!,
  ...overrides,
});

describe('domain: what "my deals" lists', () => {
  it("reads the regions of the viewer's teams' channels and region roles, with every region sharing their countries", () => {
    assert.deepEqual(answeredRegionCodes(viewer(['team-a']), LINKS, REGIONS).sort(), ['dach', 'emea']);
    assert.deepEqual(answeredRegionCodes(viewer(['team-b']), LINKS, REGIONS).sort(), ['americas', 'emea']);
    assert.deepEqual(answeredRegionCodes(viewer([], 'aad-emea-responder'), LINKS, REGIONS).sort(), ['dach', 'emea']);
    assert.deepEqual(answeredRegionCodes(viewer([]), LINKS, REGIONS), []);
    const fallback: ChannelLink = {
      target: { kind: 'fallback', code: 'fallback' },
      channel: { conversationId: '19:rest', teamId: 'team-c' },
    };
    assert.deepEqual(answeredRegionCodes(viewer(['team-c']), [...LINKS, fallback], REGIONS), [
      'emea',
      'dach',
      'americas',
      'none',
    ]);
  });

  it("keeps the undecided referrals routed to the viewer's teams or of their regions, still open to an answer", () => {
    const open = [
      deal('de', 'DE'),
      deal('fr', 'FR'),
      deal('gb-accepted', 'GB', { stage: 'accepted', deadline: undefined }),
      deal('gb-past', 'GB', { deadline: NOW.minus({ minutes: 1 }).toISO()! }),
      deal('gb-old-row', 'GB', { country: undefined }),
    ];
    const ids = (list: DealSummary[]) => list.map((d) => d.referralId);
    assert.deepEqual(
      ids(undecidedToAnswer(open, viewer(['team-a']), LINKS, REGIONS, NOW)),
      ['de', 'gb-old-row'],
      'France goes to team B',
    );
    assert.deepEqual(ids(undecidedToAnswer(open, viewer(['team-b']), LINKS, REGIONS, NOW)), ['fr', 'gb-old-row']);
    assert.deepEqual(
      ids(undecidedToAnswer(open, viewer([], 'aad-emea-responder'), LINKS, REGIONS, NOW)),
      ['de', 'fr', 'gb-old-row'],
      'a responder answers the whole region',
    );
  });

  it('puts the referrals to answer first, by time left, and lists each once', () => {
    const own = [
      deal('mine', 'DE', { stage: 'accepted', deadline: undefined, closing: '2027-01-15T00:00:00.000Z' }),
      deal('both', 'DE', { deadline: NOW.plus({ days: 5 }).toISO()! }),
    ];
    const toAnswer = [
      deal('later', 'DE', { deadline: NOW.plus({ days: 9 }).toISO()! }),
      deal('sooner', 'DE', { deadline: NOW.plus({ hours: 4 }).toISO()! }),
      own[1],
    ];
    assert.deepEqual(
      myDealsList(own, toAnswer, NOW).map((d) => d.referralId),
      ['sooner', 'both', 'later', 'mine'],
    );
  });

  it('lists an evaluated referral for whoever said Interested, and no longer once it is accepted', () => {
    const bob = { id: 'aad-bob', name: 'Bob' };
    const record = receivedRecord();
    const interested = {
      ...record,
      desk: {
        revision: 2,
        flow: 'twoStep' as const,
        interestedAt: NOW.toISO()!,
        lastDecision: { action: 'interested' as const, by: bob, at: NOW.toISO()! },
      },
    };
    assert.deepEqual(listedFor(interested), ['aad-bob']);
    assert.deepEqual(listedFor(receivedRecord()), []);
    const alice = { id: 'aad-alice', name: 'Alice' };
    const accepted = {
      referral: { ...record.referral, status: 'Active' as const, substatus: 'Accepted' as const },
      desk: {
        ...interested.desk,
        owner: alice,
        lastDecision: { action: 'accept' as const, by: alice, at: NOW.toISO()! },
      },
    };
    assert.deepEqual(listedFor(accepted), ['aad-alice']);
  });
});
