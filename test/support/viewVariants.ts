import type { DealSummary } from '../../bot/domain/dealSummary';
import type { FactKind, ReferralFact } from '../../bot/domain/digestFacts';
import { digestFigures } from '../../bot/domain/digestMetrics';
import type { HistoryEvent } from '../../bot/domain/history';
import type { Region } from '../../bot/domain/routing';
import type { WorkingHours } from '../../bot/domain/workingHours';
import type { UserProfile } from '../../bot/store';
import type { Strings } from '../../bot/strings/en';
import { digestCard } from '../../bot/teams/views/digestCardView';
import { digestListCard } from '../../bot/teams/views/digestListView';
import { historyCard } from '../../bot/teams/views/historyCardView';
import { personalWelcomeCard } from '../../bot/teams/views/personalWelcomeCardView';
import { settingsCard } from '../../bot/teams/views/settingsCardView';
import type { AdaptiveCard } from '../../cards/render';
import { decided } from './cardVariants';
import { NOW, receivedRecord } from './fixtures';

/** A card a view rendered, and the records it was rendered from (what it may show as data). */
export interface ViewVariant {
  card: AdaptiveCard;
  records: unknown[];
}

const ALICE = { id: 'aad-alice', name: 'Alice Rep' };
const BOB = { id: 'aad-bob', name: 'Bob Rep' };
const ZONE = 'Europe/Berlin';
const EMEA: Region = { code: 'emea', name: 'Europe, Middle East and Africa', countries: ['DE', 'FR'] };

const fact = (kind: FactKind, at: string, i: number, extra: Partial<ReferralFact> = {}): ReferralFact => ({
  referralId: `r-${i}`,
  revision: i,
  region: EMEA.code,
  kind,
  at,
  ...extra,
});

/** A week of every kind of fact, and the four weeks before. */
const FACTS: ReferralFact[] = [
  fact('received', '2026-10-27T10:00:00.000Z', 1),
  fact('received', '2026-11-17T10:00:00.000Z', 2),
  fact('received', '2026-11-18T10:00:00.000Z', 3),
  fact('accepted', '2026-11-17T11:00:00.000Z', 4, { by: ALICE, firstResponseMinutes: 60 }),
  fact('declined', '2026-11-18T13:30:00.000Z', 5, { by: BOB, firstResponseMinutes: 210 }),
  fact('expired', '2026-11-19T10:00:00.000Z', 6),
  fact('won', '2026-11-20T10:00:00.000Z', 7, { by: ALICE, value: 30000, currency: 'EUR' }),
  fact('lost', '2026-11-21T10:00:00.000Z', 8, { by: BOB }),
];

/** Open deals: one to answer soon, one past its close date, one with a value and an owner. */
const OPEN: DealSummary[] = [
  {
    referralId: 'deal-1',
    region: EMEA.code,
    stage: 'received',
    name: 'Fabrikam data platform',
    customer: 'Fabrikam AG',
    percent: 10,
    deadline: NOW.plus({ hours: 20 }).toISO()!,
  },
  {
    referralId: 'deal-2',
    region: EMEA.code,
    stage: 'accepted',
    name: 'Contoso migration wave 1',
    customer: 'Contoso GmbH',
    value: 30000,
    currency: 'EUR',
    percent: 40,
    closing: '2026-11-01T00:00:00.000Z',
    owner: BOB,
  },
  {
    referralId: 'deal-3',
    region: EMEA.code,
    stage: 'accepted',
    name: 'Tailspin security review',
    customer: 'Tailspin Toys',
    value: 12000,
    currency: 'USD',
    percent: 60,
    closing: '2027-03-01T00:00:00.000Z',
    owner: ALICE,
  },
];

/** What happened to the fixture referral: every kind of event, and changes of each kind of field. */
function events(strings: Strings): HistoryEvent[] {
  const actions = Object.keys(strings.history.action) as HistoryEvent['action'][];
  return actions.map((action, i) => ({
    referralId: 'r',
    revision: i + 1,
    at: NOW.plus({ hours: i }).toISO()!,
    actor: i === 0 ? { id: 'partner-center', name: 'Partner Center' } : ALICE,
    action,
    changes:
      i === 0
        ? [
            { field: 'notes', before: 'First notes', after: 'Second notes' },
            { field: 'dealValue', before: '25000', after: '30000' },
            { field: 'closingDateTime', before: undefined, after: '2027-02-15T00:00:00.000Z' },
            { field: 'expirationDateTime', before: '2026-12-07T08:00:00.000Z', after: '2026-12-14T08:00:00.000Z' },
            { field: 'owner', before: undefined, after: ALICE.name },
            {
              field: 'snoozed',
              after: `${ALICE.name} until 2026-11-24T08:00:00Z, ${BOB.name} until 2026-11-25T08:00:00Z`,
            },
            { field: 'status', before: 'New/Received', after: 'Active/Accepted' },
            { field: 'salesStage', before: undefined, after: 'Developed' },
            { field: 'visibleToMicrosoft', before: undefined, after: 'yes' },
            { field: 'evaluatingSince', before: undefined, after: '2026-11-23T10:00:00.000Z' },
          ]
        : [],
  }));
}

const DESK_HOURS: WorkingHours = { timeZone: 'UTC', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };
const LEARNED: UserProfile = { id: ALICE.id, name: ALICE.name, timeZone: ZONE, locale: 'qps-ploc' };
const CHOSEN: UserProfile = {
  ...LEARNED,
  timeZoneChosen: true,
  hours: { start: '08:00', end: '16:00', days: [1, 2, 3, 4] },
  messagesOff: ['notices'],
  digestOff: true,
  language: 'de',
};

/**
 * Every card of the personal chat and the digest, besides the referral and new-deal cards
 * (see cardVariants), in `strings`' language: the digest in full and empty, each of its
 * lists, the history, the settings card as learned and as chosen, the welcome.
 */
export function viewVariants(strings: Strings): Record<string, ViewVariant> {
  const scope = { title: EMEA.name, codes: [EMEA.code], figures: digestFigures(FACTS, OPEN, NOW) };
  const empty = { title: EMEA.name, codes: [EMEA.code], figures: digestFigures([], [], NOW) };
  const record = decided('accepted');
  const history = events(strings);
  return {
    digest: { card: digestCard([scope], NOW, ZONE, strings), records: [FACTS, OPEN, EMEA] },
    'digest, nothing happened': { card: digestCard([empty], NOW, ZONE, strings), records: [EMEA] },
    ...Object.fromEntries(
      (['expiring', 'stale', 'top'] as const).map((kind) => [
        `digest list: ${kind}`,
        { card: digestListCard(kind, [EMEA], OPEN, 0, NOW, ZONE, strings), records: [OPEN, EMEA] },
      ]),
    ),
    history: { card: historyCard(record, history, strings), records: [record, history, ALICE, BOB] },
    'history, received only': {
      card: historyCard(receivedRecord(), history.slice(0, 1), strings),
      records: [receivedRecord(), history.slice(0, 1), ALICE, BOB],
    },
    'settings, as learned': {
      card: settingsCard(ALICE.id, LEARNED, DESK_HOURS, NOW, strings, { getsDigest: true }),
      records: [LEARNED, DESK_HOURS],
    },
    'settings, as chosen, with a notice': {
      card: settingsCard(ALICE.id, CHOSEN, DESK_HOURS, NOW, strings, {
        notice: strings.settings.saved,
        getsDigest: true,
      }),
      records: [CHOSEN, DESK_HOURS],
    },
    'settings, a user not yet known': {
      card: settingsCard(ALICE.id, null, DESK_HOURS, NOW, strings),
      records: [DESK_HOURS],
    },
    'personal welcome': { card: personalWelcomeCard(strings), records: [] },
  };
}
