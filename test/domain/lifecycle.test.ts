import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { isDomainError, type DomainError, type FieldProblem } from '../../bot/domain/errors';
import type { AcceptInput, LifecycleCommand } from '../../bot/domain/commands';
import { decide, historyView, type Decision } from '../../bot/domain/lifecycle';
import { DEAL_ACTIONS, isDealAction } from '../../bot/domain/permissions';
import { MAX_DEAL_VALUE } from '../../bot/domain/validation';
import { CLOSE_REASONS, type CloseReason } from '../../bot/domain/reasons';
import {
  SYSTEM_ACTOR,
  type Actor,
  type LifecycleAction,
  type Referral,
  type ReferralRecord,
  type Status,
  type Substatus,
  type TransitionAction,
} from '../../bot/domain/referral';
import { stageOf, type Stage } from '../../bot/domain/stage';
import { NOW, receivedRecord } from '../support/fixtures';

const ALICE: Actor = { id: '29:alice', name: 'Alice Adams' };
const BOB: Actor = { id: '29:bob', name: 'Bob Brown' };

/** The fixture referral expires at 2026-12-07T08:00Z; this is one hour later. */
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });
const AFTER_EXPIRY = EXPIRY.plus({ hours: 1 });

const ACCEPT_INPUT: AcceptInput = {
  dealName: 'Contoso migration, phase 1',
  dealValue: 48000,
  currency: 'USD',
  closingDate: '2027-02-15',
  notes: 'Customer needs 40 VMs moved before the March freeze.',
  crmId: 'CRM-4711',
  campaignId: 'CMP-2026-Q4',
};

/** A member of the partner's team already on the accepted deal of the matrix. */
const ENGINEER = {
  firstName: 'Sales',
  lastName: 'Engineer',
  phoneNumber: '+49 30 5550100',
  email: 'engineer@partner.example',
};

const COMMANDS: Record<LifecycleAction, LifecycleCommand> = {
  accept: { action: 'accept', input: ACCEPT_INPUT },
  decline: { action: 'decline', input: { reason: 'customerChoseAnotherVendor', notes: 'Went with a local reseller' } },
  win: { action: 'win', input: { finalValue: 52000, notes: 'Signed for three years' } },
  lose: { action: 'lose', input: { reason: 'budgetNotAdequate' } },
  expire: { action: 'expire' },
  interested: { action: 'interested' },
  noThanks: { action: 'noThanks' },
  edit: {
    action: 'edit',
    input: {
      ...ACCEPT_INPUT,
      dealName: 'Contoso migration, phase 2',
      dealValue: 60000,
      currency: 'EUR',
      closingDate: '2027-03-31',
      salesStage: 'Qualified',
    },
  },
  moveCloseDate: { action: 'moveCloseDate', input: { closingDate: '2027-04-30' } },
  addMember: {
    action: 'addMember',
    input: {
      member: {
        firstName: 'Presales',
        lastName: 'Engineer',
        phoneNumber: '+1 425 555 0100',
        email: 'presales@partner.example',
      },
      account: { id: 'aad-presales', name: 'Presales Engineer', teamsId: '29:presales' },
    },
  },
  removeMember: { action: 'removeMember', input: { email: 'Engineer@Partner.example' } },
  addSolution: {
    action: 'addSolution',
    input: { solution: { id: 'sol-2', name: 'Copilot adoption', kind: 'solution', incentiveEligible: true } },
  },
  removeSolution: { action: 'removeSolution', input: { solutionId: 'sol-1' } },
  reassign: { action: 'reassign', input: { newOwner: ALICE } },
  upgrade: { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'technicalArchitecture' } },
  snooze: { action: 'snooze', input: { until: NOW.plus({ hours: 1 }).toISO()! } },
};

/** The clock each command is applied at (expire only succeeds once the referral has expired). */
const CLOCK: Record<LifecycleAction, DateTime> = {
  accept: NOW,
  decline: NOW,
  win: NOW,
  lose: NOW,
  expire: AFTER_EXPIRY,
  interested: NOW,
  noThanks: NOW,
  edit: NOW,
  moveCloseDate: NOW,
  addMember: NOW,
  removeMember: NOW,
  addSolution: NOW,
  removeSolution: NOW,
  reassign: NOW,
  upgrade: NOW,
  snooze: NOW,
};

const TRANSITIONS: readonly LifecycleAction[] = ['accept', 'decline', 'win', 'lose', 'expire'];

interface StageCase {
  stage: Stage;
  status: Status;
  substatus: Substatus;
  lastDecision?: { action: TransitionAction; by: Actor; at: string };
}

const ACCEPTED_AT = '2026-11-20T10:00:00.000Z';
const CLOSED_AT = '2026-11-22T15:30:00.000Z';

const STAGES: StageCase[] = [
  { stage: 'received', status: 'New', substatus: 'Received' },
  { stage: 'received', status: 'New', substatus: 'Pending' },
  {
    stage: 'accepted',
    status: 'Active',
    substatus: 'Accepted',
    lastDecision: { action: 'accept', by: BOB, at: ACCEPTED_AT },
  },
  { stage: 'won', status: 'Closed', substatus: 'Won', lastDecision: { action: 'win', by: BOB, at: CLOSED_AT } },
  { stage: 'lost', status: 'Closed', substatus: 'Lost', lastDecision: { action: 'lose', by: BOB, at: CLOSED_AT } },
  {
    stage: 'declined',
    status: 'Closed',
    substatus: 'Declined',
    lastDecision: { action: 'decline', by: BOB, at: CLOSED_AT },
  },
  {
    stage: 'expired',
    status: 'Closed',
    substatus: 'Expired',
    lastDecision: { action: 'expire', by: SYSTEM_ACTOR, at: CLOSED_AT },
  },
];

/** Allowed transitions: [from stage, action] → resulting status/substatus. Everything else is refused. */
const ALLOWED: Partial<Record<Stage, Partial<Record<LifecycleAction, [Status, Substatus]>>>> = {
  received: { accept: ['Active', 'Accepted'], decline: ['Closed', 'Declined'], expire: ['Closed', 'Expired'] },
  accepted: {
    win: ['Closed', 'Won'],
    lose: ['Closed', 'Lost'],
    edit: ['Active', 'Accepted'],
    moveCloseDate: ['Active', 'Accepted'],
    addMember: ['Active', 'Accepted'],
    removeMember: ['Active', 'Accepted'],
    addSolution: ['Active', 'Accepted'],
    removeSolution: ['Active', 'Accepted'],
    reassign: ['Active', 'Accepted'],
    upgrade: ['Active', 'Accepted'],
  },
};

function recordIn(c: StageCase): ReferralRecord {
  const base = receivedRecord();
  const referral: Referral = { ...base.referral, status: c.status, substatus: c.substatus };
  if (c.stage !== 'received') {
    referral.acceptedDateTime = ACCEPTED_AT;
    referral.details = { ...referral.details, closingDateTime: '2027-01-31T00:00:00.000Z' };
    // Partner-led: Microsoft sellers may see it, so it can be upgraded to co-sell.
    referral.consent = { ...referral.consent, consentToShareReferralWithMicrosoftSellers: true };
    referral.team = [ENGINEER];
  }
  if (c.status === 'Closed') referral.closedDateTime = CLOSED_AT;
  return {
    referral,
    desk: {
      revision: c.stage === 'received' ? 1 : c.stage === 'accepted' ? 2 : 3,
      ...(c.stage === 'received' ? {} : { owner: BOB }),
      ...(c.lastDecision ? { lastDecision: c.lastDecision } : {}),
    },
  };
}

function expectDecision(result: Decision | DomainError): Decision {
  if (isDomainError(result)) assert.fail(`expected a decision, got ${JSON.stringify(result)}`);
  return result;
}

function expectError<K extends DomainError['kind']>(
  result: Decision | DomainError,
  kind: K,
): Extract<DomainError, { kind: K }> {
  if (!isDomainError(result))
    assert.fail(
      `expected a ${kind} error, got a decision to ${result.record.referral.status}/${result.record.referral.substatus}`,
    );
  assert.equal(result.kind, kind, JSON.stringify(result));
  return result as Extract<DomainError, { kind: K }>;
}

function problemsOf(result: Decision | DomainError): FieldProblem[] {
  return expectError(result, 'invalidInput').problems;
}

describe('lifecycle: decide', () => {
  describe('transition matrix (every stage × every command)', () => {
    it('builds the stage records from the documented status/substatus pairs', () => {
      for (const c of STAGES) assert.equal(stageOf(recordIn(c).referral), c.stage, `${c.status}/${c.substatus}`);
    });

    for (const c of STAGES) {
      for (const action of Object.keys(COMMANDS) as LifecycleAction[]) {
        // A snooze leaves an open referral where it is.
        const outcome =
          action === 'snooze' && ['received', 'accepted'].includes(c.stage)
            ? [c.status, c.substatus]
            : ALLOWED[c.stage]?.[action];
        const title = `${c.status}/${c.substatus} (${c.stage}) × ${action}`;

        if (outcome) {
          it(`${title} → ${outcome.join('/')}`, () => {
            const record = recordIn(c);
            const before = structuredClone(record);
            const now = CLOCK[action];
            const at = now.toUTC().toISO()!;
            // Anyone may answer a received referral; only its owner (Bob here) closes a deal.
            const actor = isDealAction(action) ? BOB : ALICE;

            const { record: next, event } = expectDecision(decide(record, COMMANDS[action], actor, now));

            assert.deepEqual(record, before, 'the input record must not be mutated');
            assert.equal(next.referral.status, outcome[0]);
            assert.equal(next.referral.substatus, outcome[1]);
            assert.equal(next.referral.updatedDateTime, at);
            assert.equal(next.referral.id, record.referral.id);
            assert.equal(next.desk.revision, record.desk.revision + 1);
            const transition = TRANSITIONS.includes(action);
            // Only a move between stages becomes the card's "last decision".
            assert.deepEqual(next.desk.lastDecision, transition ? { action, by: actor, at } : record.desk.lastDecision);

            assert.equal(event.referralId, record.referral.id);
            assert.equal(event.revision, record.desk.revision + 1);
            assert.equal(event.at, at);
            assert.deepEqual(event.actor, actor);
            assert.equal(event.action, action);
            assert.ok(event.changes.length > 0, 'the event says what changed');
            assert.deepEqual(
              event.changes.find((change) => change.field === 'status'),
              transition
                ? { field: 'status', before: `${c.status}/${c.substatus}`, after: outcome.join('/') }
                : undefined,
            );

            if (!transition) {
              assert.equal(next.referral.acceptedDateTime, record.referral.acceptedDateTime);
              assert.equal(next.referral.closedDateTime, undefined);
            } else if (outcome[0] === 'Closed') {
              assert.equal(next.referral.closedDateTime, at);
              assert.equal(next.referral.acceptedDateTime, record.referral.acceptedDateTime);
              assert.deepEqual(next.desk.owner, record.desk.owner, 'closing keeps the owner');
            } else {
              assert.equal(next.referral.acceptedDateTime, at);
              assert.equal(next.referral.closedDateTime, undefined);
              assert.deepEqual(next.desk.owner, ALICE, 'the accepting user becomes the owner');
            }
          });
        } else {
          it(`${title} → notAllowedInStage`, () => {
            const record = recordIn(c);
            const before = structuredClone(record);

            const error = expectError(decide(record, COMMANDS[action], ALICE, CLOCK[action]), 'notAllowedInStage');

            assert.deepEqual(record, before, 'the input record must not be mutated');
            assert.equal(error.action, action);
            assert.equal(error.stage, c.stage);
            assert.deepEqual(error.lastDecision, c.lastDecision);
          });
        }
      }
    }

    it('refuses with the stage check even when the input would also be invalid', () => {
      const record = recordIn(STAGES.find((c) => c.stage === 'won')!);
      const error = expectError(
        decide(record, { action: 'accept', input: { ...ACCEPT_INPUT, dealName: '', dealValue: -1 } }, ALICE, NOW),
        'notAllowedInStage',
      );
      assert.deepEqual(error.lastDecision, { action: 'win', by: BOB, at: CLOSED_AT });
    });

    it('allows nothing at all from a closed stage, whoever asks and however late', () => {
      for (const c of STAGES.filter((s) => s.status === 'Closed')) {
        for (const action of Object.keys(COMMANDS) as LifecycleAction[]) {
          for (const actor of [ALICE, SYSTEM_ACTOR]) {
            const result = decide(recordIn(c), COMMANDS[action], actor, AFTER_EXPIRY.plus({ years: 1 }));
            assert.equal(isDomainError(result) && result.kind, 'notAllowedInStage', `${c.substatus} × ${action}`);
          }
        }
      }
    });
  });

  describe('accept', () => {
    it('sets the owner, acceptedDateTime and the deal details', () => {
      const record = receivedRecord();
      const { record: next } = expectDecision(decide(record, COMMANDS.accept, ALICE, NOW));
      const at = '2026-11-23T09:00:00.000Z';

      assert.equal(next.referral.name, 'Contoso migration, phase 1');
      assert.equal(next.referral.acceptedDateTime, at);
      assert.equal(next.referral.externalReferenceId, 'CRM-4711');
      assert.equal(next.referral.campaignId, 'CMP-2026-Q4');
      assert.equal(next.referral.details.dealValue, 48000);
      assert.equal(next.referral.details.currency, 'USD');
      assert.equal(next.referral.details.closingDateTime, '2027-02-15T00:00:00.000Z');
      assert.equal(next.referral.details.notes, 'Customer needs 40 VMs moved before the March freeze.');
      assert.deepEqual(next.desk.owner, ALICE);
      assert.deepEqual(next.desk.lastDecision, { action: 'accept', by: ALICE, at });
    });

    it('records every changed field before → after in the event, and nothing unchanged', () => {
      const record = receivedRecord();
      const { event } = expectDecision(decide(record, COMMANDS.accept, ALICE, NOW));
      assert.deepEqual(event.changes, [
        { field: 'status', before: 'New/Received', after: 'Active/Accepted' },
        { field: 'name', before: 'Contoso cloud migration', after: 'Contoso migration, phase 1' },
        { field: 'dealValue', before: '25000', after: '48000' },
        { field: 'currency', before: 'EUR', after: 'USD' },
        { field: 'closingDateTime', before: undefined, after: '2027-02-15T00:00:00.000Z' },
        {
          field: 'notes',
          before: 'We want to move 40 VMs to Azure before March.',
          after: 'Customer needs 40 VMs moved before the March freeze.',
        },
        { field: 'externalReferenceId', before: undefined, after: 'CRM-4711' },
        { field: 'campaignId', before: undefined, after: 'CMP-2026-Q4' },
        { field: 'owner', before: undefined, after: 'Alice Adams' },
      ]);
    });

    it('keeps fields of the referral the desk does not model', () => {
      const base = receivedRecord();
      const referral = {
        ...base.referral,
        favorite: true,
        tags: [{ tag: 'priority' }, { tag: 'azure' }],
        links: { self: { uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/x', method: 'GET' } },
      } as Referral;
      const record: ReferralRecord = { referral, desk: base.desk };
      const before = structuredClone(record);

      const { record: next } = expectDecision(decide(record, COMMANDS.accept, ALICE, NOW));
      const kept = next.referral as Referral & Record<string, unknown>;

      assert.deepEqual(record, before);
      assert.equal(kept.favorite, true);
      assert.deepEqual(kept.tags, [{ tag: 'priority' }, { tag: 'azure' }]);
      assert.deepEqual(kept.links, {
        self: { uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/x', method: 'GET' },
      });
      assert.deepEqual(kept.consent, { consentToToShareInfoWithOthers: true, consentToContact: true });
      assert.deepEqual(next.referral.customerProfile, record.referral.customerProfile);
      assert.deepEqual(next.referral.target, record.referral.target);
      assert.deepEqual(next.referral.details.requirements, {
        solutions: [{ id: 'sol-1', name: 'Azure migration assessment' }],
      });
      assert.equal(next.referral.details.customerRequestedContact, true);
    });

    it('keeps an existing CRM id and campaign id when none is given', () => {
      const record = receivedRecord({ externalReferenceId: 'OLD-1', campaignId: 'OLD-CMP' });
      const input: AcceptInput = { ...ACCEPT_INPUT, crmId: undefined, campaignId: undefined };
      const { record: next } = expectDecision(decide(record, { action: 'accept', input }, ALICE, NOW));
      assert.equal(next.referral.externalReferenceId, 'OLD-1');
      assert.equal(next.referral.campaignId, 'OLD-CMP');
    });

    it('writes times in UTC even when the clock is in another zone', () => {
      const berlin = NOW.setZone('Europe/Berlin');
      const { record: next, event } = expectDecision(decide(receivedRecord(), COMMANDS.accept, ALICE, berlin));
      assert.equal(next.referral.acceptedDateTime, '2026-11-23T09:00:00.000Z');
      assert.equal(event.at, '2026-11-23T09:00:00.000Z');
    });

    it('accepts a closing date of today and the largest allowed deal value', () => {
      const input: AcceptInput = { ...ACCEPT_INPUT, closingDate: '2026-11-23', dealValue: MAX_DEAL_VALUE };
      const { record: next } = expectDecision(decide(receivedRecord(), { action: 'accept', input }, ALICE, NOW));
      assert.equal(next.referral.details.closingDateTime, '2026-11-23T00:00:00.000Z');
      assert.equal(next.referral.details.dealValue, MAX_DEAL_VALUE);
    });

    const invalid: { title: string; input: Partial<AcceptInput>; problems: FieldProblem[] }[] = [
      { title: 'an empty deal name', input: { dealName: '' }, problems: [{ field: 'dealName', problem: 'required' }] },
      {
        title: 'a blank deal name',
        input: { dealName: '   ' },
        problems: [{ field: 'dealName', problem: 'required' }],
      },
      {
        title: 'a deal value of 0',
        input: { dealValue: 0 },
        problems: [{ field: 'dealValue', problem: 'notPositive' }],
      },
      {
        title: 'a negative deal value',
        input: { dealValue: -100 },
        problems: [{ field: 'dealValue', problem: 'notPositive' }],
      },
      {
        title: 'a NaN deal value',
        input: { dealValue: Number.NaN },
        problems: [{ field: 'dealValue', problem: 'notANumber' }],
      },
      {
        title: 'an infinite deal value',
        input: { dealValue: Number.POSITIVE_INFINITY },
        problems: [{ field: 'dealValue', problem: 'notANumber' }],
      },
      {
        title: 'a huge deal value',
        input: { dealValue: MAX_DEAL_VALUE * 10 },
        problems: [{ field: 'dealValue', problem: 'tooLarge' }],
      },
      {
        title: "currency 'euro'",
        input: { currency: 'euro' },
        problems: [{ field: 'currency', problem: 'unknownCurrency' }],
      },
      {
        title: 'an empty currency',
        input: { currency: '' },
        problems: [{ field: 'currency', problem: 'unknownCurrency' }],
      },
      {
        title: "closing date 'not-a-date'",
        input: { closingDate: 'not-a-date' },
        problems: [{ field: 'closingDate', problem: 'notADate' }],
      },
      {
        title: 'a closing date of yesterday',
        input: { closingDate: '2026-11-22' },
        problems: [{ field: 'closingDate', problem: 'dateInPast' }],
      },
      {
        title: 'a closing date years ago',
        input: { closingDate: '2020-01-01' },
        problems: [{ field: 'closingDate', problem: 'dateInPast' }],
      },
      { title: 'empty notes', input: { notes: '' }, problems: [{ field: 'notes', problem: 'required' }] },
      { title: 'blank notes', input: { notes: ' \n\t ' }, problems: [{ field: 'notes', problem: 'required' }] },
    ];
    for (const c of invalid) {
      it(`refuses ${c.title} as invalidInput naming the field`, () => {
        const record = receivedRecord();
        const before = structuredClone(record);
        const problems = problemsOf(
          decide(record, { action: 'accept', input: { ...ACCEPT_INPUT, ...c.input } }, ALICE, NOW),
        );
        assert.deepEqual(problems, c.problems);
        assert.deepEqual(record, before);
      });
    }

    it('names every wrong field at once', () => {
      const input: AcceptInput = {
        dealName: '',
        dealValue: -1,
        currency: 'euro',
        closingDate: 'not-a-date',
        notes: '',
      };
      const problems = problemsOf(decide(receivedRecord(), { action: 'accept', input }, ALICE, NOW));
      assert.deepEqual(problems.map((p) => p.field).sort(), [
        'closingDate',
        'currency',
        'dealName',
        'dealValue',
        'notes',
      ]);
    });

    it('refuses a closing date before the referral was created, even with an earlier clock', () => {
      const record = receivedRecord({ createdDateTime: '2026-11-23T08:00:00Z' });
      const earlyClock = DateTime.fromISO('2026-11-01T09:00:00Z', { zone: 'utc' });
      const problems = problemsOf(
        decide(record, { action: 'accept', input: { ...ACCEPT_INPUT, closingDate: '2026-11-10' } }, ALICE, earlyClock),
      );
      assert.deepEqual(problems, [{ field: 'closingDate', problem: 'dateInPast' }]);
    });
  });

  describe('decline and lose', () => {
    it('stores the documented reason label followed by the notes in statusReason', () => {
      const { record: next, event } = expectDecision(decide(receivedRecord(), COMMANDS.decline, ALICE, NOW));
      assert.equal(next.referral.statusReason, 'Customer chose another vendor: Went with a local reseller');
      assert.deepEqual(
        event.changes.find((c) => c.field === 'statusReason'),
        {
          field: 'statusReason',
          before: undefined,
          after: 'Customer chose another vendor: Went with a local reseller',
        },
      );
    });

    it('stores only the label when there are no notes', () => {
      const { record: next } = expectDecision(
        decide(receivedRecord(), { action: 'decline', input: { reason: 'notACustomer' } }, ALICE, NOW),
      );
      assert.equal(next.referral.statusReason, 'Not a customer');
    });

    it('stores only the label when the notes are empty', () => {
      const { record: next } = expectDecision(
        decide(receivedRecord(), { action: 'decline', input: { reason: 'other', notes: '' } }, ALICE, NOW),
      );
      assert.equal(next.referral.statusReason, 'Other');
    });

    const labels: Record<CloseReason, string> = {
      budgetNotAdequate: 'Project budget not adequate',
      customerDidNotRespond: 'Customer did not respond',
      customerChoseAnotherVendor: 'Customer chose another vendor',
      requirementNotMet: 'Customer requirement not met',
      notACustomer: 'Not a customer',
      timelineTooShort: 'Proposed timeline too short',
      abuse: 'Report as abuse, spam or phishing',
      other: 'Other',
    };

    it('offers exactly the eight documented reasons', () => {
      assert.deepEqual({ ...CLOSE_REASONS }, labels);
    });

    for (const [reason, label] of Object.entries(labels) as [CloseReason, string][]) {
      it(`declines with reason ${reason} as "${label}"`, () => {
        const { record: next } = expectDecision(
          decide(receivedRecord(), { action: 'decline', input: { reason, notes: 'n' } }, ALICE, NOW),
        );
        assert.equal(next.referral.statusReason, `${label}: n`);
        assert.equal(next.referral.substatus, 'Declined');
      });
    }

    it('loses an accepted referral with the reason label and notes', () => {
      const accepted = expectDecision(decide(receivedRecord(), COMMANDS.accept, BOB, NOW)).record;
      const later = NOW.plus({ days: 3 });
      const { record: next } = expectDecision(
        decide(
          accepted,
          { action: 'lose', input: { reason: 'timelineTooShort', notes: 'Needed it live in a week' } },
          BOB,
          later,
        ),
      );
      assert.equal(next.referral.substatus, 'Lost');
      assert.equal(next.referral.statusReason, 'Proposed timeline too short: Needed it live in a week');
      assert.equal(next.referral.closedDateTime, later.toISO());
      assert.deepEqual(next.desk.owner, BOB, 'losing keeps the owner who accepted');
      assert.deepEqual(next.desk.lastDecision, { action: 'lose', by: BOB, at: later.toISO() });
    });
  });

  describe('win', () => {
    const accepted = () => expectDecision(decide(receivedRecord(), COMMANDS.accept, BOB, NOW)).record;

    it('takes the final deal value and notes', () => {
      const { record: next, event } = expectDecision(decide(accepted(), COMMANDS.win, BOB, NOW.plus({ days: 30 })));
      assert.equal(next.referral.details.dealValue, 52000);
      assert.equal(next.referral.details.notes, 'Signed for three years');
      assert.equal(next.desk.revision, 3);
      assert.deepEqual(
        event.changes.find((c) => c.field === 'dealValue'),
        { field: 'dealValue', before: '48000', after: '52000' },
      );
    });

    it('keeps the accepted deal value and notes when none are given', () => {
      const { record: next } = expectDecision(
        decide(accepted(), { action: 'win', input: {} }, BOB, NOW.plus({ days: 30 })),
      );
      assert.equal(next.referral.details.dealValue, 48000);
      assert.equal(next.referral.details.notes, ACCEPT_INPUT.notes);
      assert.equal(next.referral.details.closingDateTime, '2027-02-15T00:00:00.000Z');
    });

    for (const [finalValue, problem] of [
      [0, 'notPositive'],
      [-1, 'notPositive'],
      [Number.NaN, 'notANumber'],
      [MAX_DEAL_VALUE + 1, 'tooLarge'],
    ] as const) {
      it(`refuses a final deal value of ${finalValue} (${problem})`, () => {
        const record = accepted();
        const before = structuredClone(record);
        assert.deepEqual(problemsOf(decide(record, { action: 'win', input: { finalValue } }, BOB, NOW)), [
          { field: 'finalValue', problem },
        ]);
        assert.deepEqual(record, before);
      });
    }
  });

  describe('a received referral past its expiry', () => {
    for (const command of [
      { action: 'accept', input: ACCEPT_INPUT },
      { action: 'decline', input: { reason: 'notACustomer' } },
    ] as LifecycleCommand[]) {
      it(`refuses ${command.action} as expired, before and after the expiry is recorded`, () => {
        const error = expectError(decide(receivedRecord(), command, ALICE, EXPIRY), 'notAllowedInStage');
        assert.equal(error.stage, 'expired');
        expectDecision(decide(receivedRecord(), command, ALICE, EXPIRY.minus({ milliseconds: 1 })));
      });
    }
  });

  describe('expire', () => {
    it('is notYetExpired before the expiry, naming when it expires', () => {
      const record = receivedRecord();
      const before = structuredClone(record);
      const error = expectError(
        decide(record, { action: 'expire' }, SYSTEM_ACTOR, EXPIRY.minus({ milliseconds: 1 })),
        'notYetExpired',
      );
      assert.equal(error.expiresAt, '2026-12-07T08:00:00.000Z');
      assert.deepEqual(record, before);
    });

    it('is notYetExpired right after arrival', () => {
      expectError(decide(receivedRecord(), { action: 'expire' }, SYSTEM_ACTOR, NOW), 'notYetExpired');
    });

    it('closes as Expired exactly at the expiry', () => {
      const { record: next, event } = expectDecision(
        decide(receivedRecord(), { action: 'expire' }, SYSTEM_ACTOR, EXPIRY),
      );
      assert.equal(`${next.referral.status}/${next.referral.substatus}`, 'Closed/Expired');
      assert.equal(next.referral.closedDateTime, '2026-12-07T08:00:00.000Z');
      assert.deepEqual(event.actor, SYSTEM_ACTOR);
      assert.equal(event.action, 'expire');
      assert.equal(next.desk.owner, undefined);
    });

    it('closes as Expired after the expiry', () => {
      const later = EXPIRY.plus({ days: 5 });
      const { record: next } = expectDecision(decide(receivedRecord(), { action: 'expire' }, SYSTEM_ACTOR, later));
      assert.equal(next.referral.substatus, 'Expired');
      assert.equal(next.referral.closedDateTime, later.toISO());
    });

    it('follows the expirationDateTime Partner Center sent, not created + 14 days', () => {
      const record = receivedRecord({ expirationDateTime: '2026-11-30T12:00:00.000Z' });
      expectError(
        decide(record, { action: 'expire' }, SYSTEM_ACTOR, DateTime.fromISO('2026-11-30T11:59:59Z', { zone: 'utc' })),
        'notYetExpired',
      );
      const { record: next } = expectDecision(
        decide(record, { action: 'expire' }, SYSTEM_ACTOR, DateTime.fromISO('2026-11-30T12:00:00Z', { zone: 'utc' })),
      );
      assert.equal(next.referral.substatus, 'Expired');
    });
  });

  describe('who may work on a deal', () => {
    const acceptedByBob = () => recordIn(STAGES.find((c) => c.stage === 'accepted')!);
    /** An invalid form of each deal action that has input to get wrong (when its owner sends it). */
    const INVALID: Partial<Record<LifecycleAction, LifecycleCommand>> = {
      win: { action: 'win', input: { finalValue: -5 } },
      lose: { action: 'lose', input: { reason: 'nonsense' } },
      edit: {
        action: 'edit',
        input: { ...(COMMANDS.edit as Extract<LifecycleCommand, { action: 'edit' }>).input, dealName: ' ' },
      },
      addMember: { action: 'addMember', input: { member: { ...ENGINEER, email: 'not-an-address' } } },
      addSolution: {
        action: 'addSolution',
        input: { solution: { id: 'sol-a', name: 'An assessment', kind: 'assessment', incentiveEligible: false } },
      },
      upgrade: { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'none' } },
      moveCloseDate: { action: 'moveCloseDate', input: { closingDate: '2026-11-01' } },
    };
    /** Each deal action in a form that finds the deal already so (what a retried click sends). */
    const NO_CHANGE: Record<string, LifecycleCommand> = {
      win: INVALID.win!,
      lose: INVALID.lose!,
      edit: {
        action: 'edit',
        input: {
          dealName: 'Contoso cloud migration',
          dealValue: 25000,
          currency: 'EUR',
          closingDate: '2027-01-31',
          notes: 'We want to move 40 VMs to Azure before March.',
          salesStage: '',
        },
      },
      addMember: { action: 'addMember', input: { member: ENGINEER } },
      removeMember: { action: 'removeMember', input: { email: 'nobody@partner.example' } },
      addSolution: {
        action: 'addSolution',
        input: {
          solution: { id: 'sol-1', name: 'Azure migration assessment', kind: 'solution', incentiveEligible: false },
        },
      },
      removeSolution: { action: 'removeSolution', input: { solutionId: 'sol-404' } },
      reassign: { action: 'reassign', input: { newOwner: BOB } },
      moveCloseDate: { action: 'moveCloseDate', input: { closingDate: '2027-01-31' } },
      upgrade: { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'none' } },
    };

    for (const action of DEAL_ACTIONS) {
      it(`refuses ${action} from anyone not working the deal, naming the owner, and changes nothing`, () => {
        for (const stranger of [ALICE, SYSTEM_ACTOR, { id: BOB.name, name: BOB.name }]) {
          const record = acceptedByBob();
          const before = structuredClone(record);
          const error = expectError(decide(record, COMMANDS[action], stranger, NOW), 'notPermitted');
          assert.deepEqual(error, { kind: 'notPermitted', action, owner: BOB });
          assert.deepEqual(record, before);
        }
      });

      it(`checks the stage before the person: ${action} on a closed deal is refused as closed, whoever asks`, () => {
        const won = recordIn(STAGES.find((c) => c.stage === 'won')!);
        expectError(decide(won, COMMANDS[action], ALICE, NOW), 'notAllowedInStage');
        expectError(decide(won, COMMANDS[action], BOB, NOW), 'notAllowedInStage');
      });

      const invalid = INVALID[action];
      if (invalid) {
        it(`checks the person before the input: a stranger's invalid ${action} is refused as not permitted`, () => {
          expectError(decide(acceptedByBob(), invalid, ALICE, NOW), 'notPermitted');
          expectError(decide(acceptedByBob(), invalid, BOB, NOW), 'invalidInput');
        });
      }

      it(`checks the person before anything else: a stranger's ${action} that would change nothing is still refused`, () => {
        expectError(decide(acceptedByBob(), NO_CHANGE[action], ALICE, NOW), 'notPermitted');
        const owners = decide(acceptedByBob(), NO_CHANGE[action], BOB, NOW);
        assert.ok(
          isDomainError(owners) && owners.kind !== 'notPermitted',
          `the owner gets past the person check: ${JSON.stringify(owners)}`,
        );
      });
    }

    it('lets anyone answer a received referral', () => {
      for (const actor of [ALICE, BOB]) {
        expectDecision(decide(receivedRecord(), COMMANDS.accept, actor, NOW));
        expectDecision(decide(receivedRecord(), COMMANDS.decline, actor, NOW));
      }
    });
  });

  describe('a chain of decisions', () => {
    it('numbers revisions consecutively and leaves every earlier record untouched', () => {
      const r1 = receivedRecord();
      const r1Copy = structuredClone(r1);
      const d2 = expectDecision(decide(r1, COMMANDS.accept, ALICE, NOW));
      const r2Copy = structuredClone(d2.record);
      const d3 = expectDecision(decide(d2.record, COMMANDS.win, ALICE, NOW.plus({ days: 10 })));

      assert.deepEqual([d2.event.revision, d3.event.revision], [2, 3]);
      assert.deepEqual(r1, r1Copy);
      assert.deepEqual(d2.record, r2Copy);
      assert.deepEqual(d3.record.desk.owner, ALICE);
      assert.deepEqual(d3.record.desk.lastDecision, { action: 'win', by: ALICE, at: NOW.plus({ days: 10 }).toISO() });
      const refused = expectError(decide(d3.record, COMMANDS.lose, ALICE, NOW.plus({ days: 11 })), 'notAllowedInStage');
      assert.deepEqual(refused.lastDecision, d3.record.desk.lastDecision);
    });
  });
});

describe('lifecycle: historyView', () => {
  it('flattens the timeline fields to text', () => {
    const record: ReferralRecord = {
      referral: {
        ...receivedRecord().referral,
        statusReason: 'Other',
        externalReferenceId: 'CRM-1',
        campaignId: 'C-1',
      },
      desk: { revision: 4, owner: ALICE },
    };
    assert.deepEqual(historyView(record), {
      status: 'New/Received',
      name: 'Contoso cloud migration',
      dealValue: '25000',
      currency: 'EUR',
      closingDateTime: undefined,
      expirationDateTime: '2026-12-07T08:00:00.000Z',
      notes: 'We want to move 40 VMs to Azure before March.',
      statusReason: 'Other',
      externalReferenceId: 'CRM-1',
      campaignId: 'C-1',
      owner: 'Alice Adams',
      evaluatingSince: undefined,
      salesStage: undefined,
      team: undefined,
      solutions: 'Azure migration assessment',
      type: 'Independent',
      visibleToMicrosoft: undefined,
      invitedPartners: undefined,
      snoozed: undefined,
    });
  });
});

describe('errors: isDomainError', () => {
  it('recognises the error kinds and nothing else', () => {
    assert.equal(isDomainError({ kind: 'invalidInput', problems: [] }), true);
    assert.equal(isDomainError({ kind: 'notAllowedInStage', action: 'accept', stage: 'won' }), true);
    assert.equal(isDomainError({ kind: 'notYetExpired', expiresAt: 'x' }), true);
    assert.equal(isDomainError({ kind: 'something' }), false);
    assert.equal(isDomainError(null), false);
    assert.equal(isDomainError('invalidInput'), false);
    assert.equal(isDomainError(expectDecision(decide(receivedRecord(), COMMANDS.accept, ALICE, NOW))), false);
  });
});
