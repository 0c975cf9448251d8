import assert from 'node:assert/strict';
import { DateTime, Duration } from 'luxon';
import { companySize, localDateTime, money, plainDate, roughDuration } from '../../bot/teams/views/format';
import { de } from '../../bot/strings/de';
import type { AdaptiveCard } from '../../cards/render';
import { renderLinksCard } from '../../cards/linksCard';
import { renderWelcomeCard } from '../../cards/welcomeCard';
import { VERBS } from '../../cards/verbs';
import type { ReferralRecord } from '../../bot/domain/referral';
import { en } from '../../bot/strings/en';
import { ACTION_HANDLERS } from '../../bot/teams/actions';
import { referralCard, referralCardData } from '../../bot/teams/views/referral/referralCardView';
import { historyCard } from '../../bot/teams/views/historyCardView';
import { newDealCard } from '../../bot/teams/views/newDealCardView';
import { loadSolutions } from '../../bot/config/solutions';
import { arrival } from '../../bot/domain/incoming';
import { renderReferralListCard } from '../../cards/referralListCard';
import { dealVerbs, EVERY_CARD_VERBS, ownerVerbs, verbsIn } from '../e2e/flows';
import { itIsAWellFormedCard, validateCard } from '../support/cardSchema';
import { NOW, receivedRecord } from '../support/fixtures';
import { decided } from '../support/cardVariants';

const alice = { id: 'aad-alice', name: 'Alice Rep', teamsId: '29:alice' };

/** An accepted deal we created (private), with one team member who has a Teams account and one who has not. */
function teamDeal(): ReferralRecord {
  const record = decided('accepted');
  return {
    referral: {
      ...record.referral,
      salesStage: 'Developed',
      team: [
        {
          firstName: 'Presales',
          lastName: 'Engineer',
          email: 'presales@partner.example',
          phoneNumber: '+1 425 555 0100',
        },
        {
          firstName: 'Outside',
          lastName: 'Consultant',
          email: 'consultant@elsewhere.example',
          phoneNumber: '+44 20 7946 0000',
        },
      ],
    },
    desk: {
      ...record.desk,
      createdByPartner: true,
      teamAccounts: [
        {
          email: 'presales@partner.example',
          actor: { id: 'aad-presales', name: 'Presales Engineer', teamsId: '29:presales' },
        },
      ],
    },
  };
}

function assessmentDeal(stage: 'Proposed' | 'Negotiated'): ReferralRecord {
  const record = decided('accepted');
  const solutions = [{ id: 'security-assessment', name: 'Security posture assessment', type: 'Assessment' }];
  return {
    referral: {
      ...record.referral,
      salesStage: stage,
      details: { ...record.referral.details, requirements: { solutions } },
    },
    desk: { ...record.desk, createdByPartner: true },
  };
}

const samples: Record<string, AdaptiveCard> = {
  'received referral': referralCard(receivedRecord(), NOW, en),
  'received referral, minimal fields': referralCard(
    receivedRecord({
      details: {},
      customerProfile: { name: 'Tailspin', address: { country: 'JP' } },
      inviteContext: undefined,
      type: 'Shared',
    }),
    NOW,
    en,
  ),
  'co-sell invitation from a partner, contact request older than 72 h': referralCard(
    receivedRecord({
      inviteContext: {
        invitedBy: { organizationName: 'Northwind Partners' },
        notes: 'Need a local implementer',
        assistanceRequestCode: 'Technical',
      },
    }),
    NOW.plus({ days: 4 }),
    en,
  ),
  'received referral past its expiry': referralCard(receivedRecord(), NOW.plus({ days: 20 }), en),
  'with a notice': referralCard(decided('declined'), NOW, en, { notice: en.actions.alreadyDecided('Declined', 'Bob') }),
  accepted: referralCard(decided('accepted'), NOW, en),
  'accepted, as its owner sees it': referralCard(decided('accepted'), NOW, en, { viewer: alice }),
  declined: referralCard(decided('declined'), NOW, en),
  won: referralCard(decided('won'), NOW, en),
  lost: referralCard(decided('lost'), NOW, en),
  expired: referralCard(decided('expired'), NOW, en),
  'accepted deal with a team, solutions to add and upgrades, as its owner sees it': referralCard(teamDeal(), NOW, en, {
    viewer: alice,
    favorite: true,
    solutions: loadSolutions(''),
  }),
  'solution assessment at Proposed, as its owner sees it': referralCard(assessmentDeal('Proposed'), NOW, en, {
    viewer: alice,
  }),
  'won co-sell deal eligible for deal registration': referralCard(
    {
      ...decided('won'),
      referral: {
        ...decided('won').referral,
        type: 'Shared',
        inviteContext: { invitedBy: { organizationName: 'Microsoft' } },
        details: {
          requirements: { solutions: [{ id: 'azure-migration', name: 'Azure migration and modernization' }] },
        },
      },
    },
    NOW,
    en,
    { solutions: loadSolutions('') },
  ),
  history: historyCard(
    decided('accepted'),
    [
      {
        referralId: 'r',
        revision: 1,
        at: '2026-11-23T08:00:00.000Z',
        actor: { id: 'partner-center', name: 'Partner Center' },
        action: 'received',
        changes: [],
      },
      {
        referralId: 'r',
        revision: 2,
        at: '2026-11-23T10:00:00.000Z',
        actor: alice,
        action: 'accept',
        changes: [
          { field: 'status', before: 'New/Received', after: 'Active/Accepted' },
          { field: 'closingDateTime', before: undefined, after: '2027-02-15T00:00:00.000Z' },
        ],
      },
    ],
    en,
  ),
  'favourites list': renderReferralListCard({
    title: 'Your favourites',
    empty: 'none',
    items: [{ referralId: 'r1', title: 'Contoso', subtitle: 'Accepted' }],
    openTitle: 'Open',
    footnote: 'And 3 more',
  }),
  'favourites list, empty': renderReferralListCard({
    title: 'Your favourites',
    empty: 'none',
    items: [],
    openTitle: 'Open',
    footnote: '',
  }),
  'two-step flow, new': referralCard(arrival(receivedRecord().referral, NOW, 'twoStep').record, NOW, en),
  'two-step flow, evaluating': referralCard(
    {
      ...arrival(receivedRecord().referral, NOW, 'twoStep').record,
      desk: {
        revision: 2,
        flow: 'twoStep',
        interestedAt: NOW.toISO()!,
        lastDecision: { action: 'interested', by: alice, at: NOW.toISO()! },
      },
    },
    NOW,
    en,
  ),
  'two-step flow, missed unanswered': referralCard(
    {
      referral: { ...decided('expired').referral },
      desk: { ...decided('expired').desk, flow: 'twoStep', missed: true },
    },
    NOW,
    en,
  ),
  'reminder in the channel thread': referralCard(receivedRecord(), NOW.plus({ days: 11 }), en, { reminder: true }),
  'reminder of a deal gone stale, as its owner sees it': referralCard(decided('accepted'), NOW.plus({ days: 90 }), en, {
    viewer: alice,
    reminder: true,
  }),
  'new deal form': newDealCard('form-1', loadSolutions(''), NOW, en),
  welcome: renderWelcomeCard({ title: 't', intro: 'i', howToLink: 'h', example: 'e', regions: 'r', more: 'm' }),
  links: renderLinksCard({
    title: 'Where referrals go',
    rows: [{ title: 'Germany (DE)', value: 'EMEA' }],
    footnote: '',
  }),
  'links, empty with footnote': renderLinksCard({
    title: 'Where referrals go',
    rows: [],
    footnote: 'Not covered: apac',
  }),
};

/** The samples that are not a referral's own card. */
const OTHER_CARDS = [
  'new deal form',
  'history',
  'favourites list',
  'favourites list, empty',
  'welcome',
  'links',
  'links, empty with footnote',
];

describe('cards', () => {
  for (const [name, card] of Object.entries(samples)) {
    describe(name, () => {
      itIsAWellFormedCard(card, (verbs) => {
        if (OTHER_CARDS.includes(name)) return;
        for (const verb of EVERY_CARD_VERBS)
          assert.ok(verbs.includes(verb), `History and the star are on every referral card: ${verb}`);
      });
    });
  }

  it('the schema check can fail', () => {
    assert.notDeepEqual(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] }), []);
  });

  it('offers Accept and Decline only while a referral is received and not past its expiry', () => {
    assert.deepEqual(dealVerbs(samples['received referral']).sort(), [VERBS.accept, VERBS.decline].sort());
    assert.deepEqual(dealVerbs(samples['received referral past its expiry']), []);
    for (const stage of ['declined', 'won', 'lost', 'expired']) assert.deepEqual(dealVerbs(samples[stage]), [], stage);
  });

  it("offers Won and Lost only in the owner's card; the shared card is read-only and refreshes for the owner", () => {
    // The refresh, and a button that does the same for clients that do not refresh by themselves.
    assert.deepEqual(dealVerbs(samples.accepted), [VERBS.refresh, VERBS.refresh]);
    assert.match(JSON.stringify(samples.accepted), new RegExp(`"title":"${en.card.dealActions}"`));
    assert.deepEqual((samples.accepted as { refresh?: { userIds: string[] } }).refresh?.userIds, ['29:alice']);
    assert.deepEqual(dealVerbs(samples['accepted, as its owner sees it']), ownerVerbs(false));
    const stranger = referralCard(decided('accepted'), NOW, en, {
      viewer: { id: 'aad-bob', name: 'Bob', teamsId: '29:bob' },
    });
    assert.deepEqual(dealVerbs(stranger), [VERBS.refresh]);
    const text = JSON.stringify(samples['accepted, as its owner sees it']);
    for (const id of ['finalValue', 'lossReason'])
      assert.match(text, new RegExp(`"id":"${id}"[^}]*"isRequired":true`), id);
  });

  it('shows the team, the sales stage as progress, and refreshes for every team member with a Teams account', () => {
    const card = samples['accepted deal with a team, solutions to add and upgrades, as its owner sees it'];
    const text = JSON.stringify(card);
    assert.match(text, /Presales Engineer · presales@partner.example · \+1 425 555 0100"/);
    assert.match(text, /Outside Consultant · consultant@elsewhere.example · \+44 20 7946 0000 \(not in Teams\)/);
    assert.match(text, /"title":"Sales stage","value":"Developed \(40 %\)"/);
    assert.match(text, /"width":40,"style":"good"/);
    assert.match(text, /"title":"Deal type","value":"Private"/);
    assert.deepEqual((card as { refresh?: { userIds: string[] } }).refresh?.userIds, ['29:alice', '29:presales']);
    assert.match(text, new RegExp(en.card.unstar), 'the viewer starred it');
    assert.deepEqual(dealVerbs(card).filter((v) => v === VERBS.removeMember).length, 2, 'a Remove button per member');
    assert.ok(dealVerbs(card).includes(VERBS.upgrade), 'a private deal we created can be upgraded');
    assert.ok(dealVerbs(card).includes(VERBS.addSolution));
  });

  it('offers Won on a solution assessment only once every stage is complete, and only the next stage', () => {
    const proposed = referralCardData(assessmentDeal('Proposed'), NOW, en, { viewer: alice });
    assert.equal(proposed.win.allowed, false);
    assert.equal(proposed.winHint, en.card.winAfterStages);
    assert.deepEqual(
      proposed.edit.salesStages.map((c) => c.value),
      ['Proposed', 'Negotiated'],
    );
    assert.ok(!dealVerbs(samples['solution assessment at Proposed, as its owner sees it']).includes(VERBS.win));
    const negotiated = referralCardData(assessmentDeal('Negotiated'), NOW, en, { viewer: alice });
    assert.equal(negotiated.win.allowed, true);
    assert.equal(negotiated.solutionsForm.choices.length, 0, 'an assessment takes no other solution');
  });

  it("shows who invited to a co-sell deal, the help they asked for, and a partner's own value and close date", () => {
    const p2p = referralCardData(
      receivedRecord({
        inviteContext: {
          invitedBy: { organizationName: 'Trey Research' },
          assistanceRequestCode: 'ProofOfConceptOrDemo',
        },
        details: { ...receivedRecord().referral.details, closingDateTime: '2027-01-15T00:00:00.000Z' },
      }),
      NOW,
      en,
    );
    const facts = Object.fromEntries(p2p.facts.map((f) => [f.title, f.value]));
    assert.equal(facts['Invited by'], 'Trey Research');
    assert.equal(facts['Help requested'], 'Proof of concept or demo');
    assert.equal(facts["Trey Research's estimated value"], '€25,000.00');
    assert.equal(facts["Trey Research's estimated close"], '15 Jan 2027');
    const fromMicrosoft = referralCardData(
      receivedRecord({
        type: 'Shared',
        inviteContext: { invitedBy: { organizationName: 'Microsoft' }, assistanceRequestCode: 'Technical' },
      }),
      NOW,
      en,
    );
    const msFacts = Object.fromEntries(fromMicrosoft.facts.map((f) => [f.title, f.value]));
    assert.equal(msFacts.Source, 'Co-sell invitation from Microsoft');
    assert.equal(msFacts['Help requested'], 'Technical');
    assert.equal(msFacts['Estimated value'], '€25,000.00');
  });

  it("offers Snooze on a reminder, and on a stale deal's reminder moving its close date to its workers", () => {
    const snooze = (card: AdaptiveCard) => verbsIn(card).filter((verb) => verb === VERBS.snooze).length;
    assert.equal(snooze(samples['reminder in the channel thread']), 3, 'in 1 hour, in 4 hours, tomorrow morning');
    assert.equal(snooze(samples['received referral']), 0, 'not on the card itself');
    assert.ok(!verbsIn(samples['reminder in the channel thread']).includes(VERBS.moveCloseDate));
    const stale = samples['reminder of a deal gone stale, as its owner sees it'];
    assert.equal(snooze(stale), 3);
    assert.ok(verbsIn(stale).includes(VERBS.moveCloseDate));
    assert.ok(
      !verbsIn(referralCard(decided('accepted'), NOW.plus({ days: 90 }), en, { reminder: true })).includes(
        VERBS.moveCloseDate,
      ),
      'not for someone not working the deal',
    );
    assert.equal(
      snooze(referralCard(receivedRecord(), NOW.plus({ days: 20 }), en, { reminder: true })),
      0,
      'nothing to snooze once expired',
    );
  });

  it('offers the two-step answers in turn, and says when a referral was missed', () => {
    assert.deepEqual(dealVerbs(samples['two-step flow, new']), [VERBS.interested, VERBS.noThanks]);
    assert.deepEqual(dealVerbs(samples['two-step flow, evaluating']), [VERBS.accept, VERBS.decline]);
    assert.deepEqual(dealVerbs(samples['two-step flow, missed unanswered']), []);
    assert.match(
      JSON.stringify(samples['two-step flow, missed unanswered']),
      /Missed on .*nobody said they were interested in time/,
    );
  });

  it('says on a won deal whether it is eligible for deal registration, and why not', () => {
    assert.match(
      JSON.stringify(samples['won co-sell deal eligible for deal registration']),
      /Eligible for deal registration/,
    );
    assert.match(
      JSON.stringify(samples.won),
      /Not eligible for deal registration: only co-sell and partner-led deals qualify; no incentive-eligible solution on the deal\./,
    );
    assert.doesNotMatch(JSON.stringify(samples.accepted), /deal registration/);
  });

  it('asks everything the new deal form needs, required where the help pages require it', () => {
    const text = JSON.stringify(samples['new deal form']);
    const required = [
      'customerName',
      'country',
      'contactFirstName',
      'contactLastName',
      'contactPhoneNumber',
      'contactEmail',
      'dealName',
      'dealValue',
      'currency',
      'closingDate',
    ];
    required.push(
      'memberFirstName',
      'memberLastName',
      'memberPhoneNumber',
      'memberEmail',
      'solutions',
      'help',
      'microsoftSellersMaySee',
    );
    for (const id of required) assert.match(text, new RegExp(`"id":"${id}"[^}]*"isRequired":true`), id);
    for (const id of ['notes', 'crmId', 'campaignId']) assert.match(text, new RegExp(`"id":"${id}"`), id);
    assert.match(text, /"formId":"form-1"/);
    assert.match(text, /"title":"Germany","value":"DE"/);
  });

  it('every verb has a handler and every handler a verb', () => {
    assert.deepEqual(Object.keys(ACTION_HANDLERS).sort(), Object.values(VERBS).sort());
  });

  it('marks the required accept inputs required and the decline reason required', () => {
    const text = JSON.stringify(samples['received referral']);
    for (const id of ['dealName', 'dealValue', 'currency', 'closingDate', 'notes', 'reason']) {
      assert.match(text, new RegExp(`"id":"${id}"[^}]*"isRequired":true`), id);
    }
  });

  it('shows the lead kind, the contact flag while fresh, and time left', () => {
    const data = referralCardData(receivedRecord(), NOW, en);
    assert.equal(data.facts.find((f) => f.title === en.card.source)?.value, en.leadKind.customerInquiry);
    assert.equal(data.contactFlag, en.card.contactRequestedFresh);
    assert.match(data.status, /^13 days left/);
    const later = referralCardData(receivedRecord(), NOW.plus({ days: 4 }), en);
    assert.equal(later.contactFlag, en.card.contactRequestedOld);
    assert.equal(referralCardData(receivedRecord(), NOW.plus({ days: 13, hours: 20 }), en).statusColor, 'Attention');
  });

  it('tells what the customer needs: their notes, then the solutions they asked for, labelled', () => {
    const data = referralCardData(receivedRecord(), NOW, en);
    assert.equal(
      data.needs,
      `We want to move 40 VMs to Azure before March.\n\n${en.card.solutions('Azure migration assessment')}`,
    );
  });

  it('names the inviting partner of a co-sell invitation', () => {
    const data = referralCardData(
      receivedRecord({ inviteContext: { invitedBy: { organizationName: 'Northwind Partners' } } }),
      NOW,
      en,
    );
    assert.equal(data.facts.find((f) => f.title === en.card.source)?.value, en.leadKind.coSellFromPartner);
    assert.equal(data.facts.find((f) => f.title === en.card.invitedBy)?.value, 'Northwind Partners');
  });

  it('renders from a template that no render changes', () => {
    const a = referralCard(receivedRecord({ name: 'First' }), NOW, en);
    referralCard(receivedRecord({ name: 'Second' }), NOW, en);
    const again = referralCard(receivedRecord({ name: 'First' }), NOW, en);
    assert.deepEqual(again, a);
  });
});

describe('card wording', () => {
  it('writes company sizes as people do', () => {
    assert.equal(companySize('100to499employees'), '100–499 employees');
    assert.equal(companySize('10000plusemployees'), '10000+ employees');
    assert.equal(companySize('Small business'), 'Small business');
  });

  it("rounds the time left to the unit that reads best, in the reader's language", () => {
    assert.equal(roughDuration(Duration.fromObject({ days: 13, hours: 23 }), en.format), '13 days');
    assert.equal(roughDuration(Duration.fromObject({ hours: 47 }), en.format), '47 hours');
    assert.equal(roughDuration(Duration.fromObject({ minutes: 61 }), en.format), '61 minutes');
    assert.equal(roughDuration(Duration.fromObject({ seconds: 20 }), en.format), '1 minute');
    assert.equal(roughDuration(Duration.fromObject({ days: 3 }), de.format), '3 Tage');
    assert.equal(roughDuration(Duration.fromObject({ hours: 1, minutes: 59 }), de.format), '119 Minuten');
    assert.equal(roughDuration(Duration.fromObject({ hours: 25 }), de.format), '25 Stunden');
  });

  it("shows money in its currency, and a malformed code next to the number, as the reader's language writes it", () => {
    assert.equal(money(25000, 'EUR', en.format), '€25,000.00');
    assert.match(money(1200.5, 'XQQ', en.format), /^XQQ\s1,200\.50$/);
    assert.equal(money(1200.5, 'EU', en.format), '1,200.5 EU');
    assert.match(money(25000, 'EUR', de.format), /^25\.000,00\s€$/);
  });

  it("writes dates and times as the reader's language does", () => {
    const instant = DateTime.fromISO('2026-12-04T12:05:00Z', { zone: 'utc' });
    assert.equal(plainDate(instant, en.format), '4 Dec 2026');
    assert.equal(
      plainDate(instant, de.format),
      '4\\. Dez 2026',
      'escaped: opening a fact, "4." would start a numbered list',
    );
    assert.equal(localDateTime(instant, 'Europe/Berlin', en.format), 'Fri 4 Dec at 13:05 (Europe/Berlin)');
    assert.equal(localDateTime(instant, 'Europe/Berlin', de.format), 'Fr 4. Dez um 13:05 (Europe/Berlin)');
  });
});

describe('cards: a history event stored with null for no value', () => {
  const stored = { field: 'externalReferenceId', before: null, after: 'CRM-0042' } as unknown as {
    field: string;
    before?: string;
    after?: string;
  };
  const card = historyCard(
    decided('declined'),
    [
      {
        referralId: 'r',
        revision: 2,
        at: '2026-11-23T10:00:00.000Z',
        actor: { id: 'partner-center', name: 'Partner Center' },
        action: 'updated',
        changes: [stored],
      },
    ],
    en,
  );

  it('shows it as no value, and the card validates', () => {
    assert.match(JSON.stringify(card), /CRM ID: \(none\) → CRM-0042/);
    assert.deepEqual(validateCard(card), []);
  });
});
