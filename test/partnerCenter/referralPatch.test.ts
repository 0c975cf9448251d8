import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  applyReferralPatch,
  PATCHABLE_PATHS,
  readPatchOperations,
  type AppliedOperation,
  type PatchProblem,
} from '../../tools/partnerCenterSimulator/referralPatch';
import { SUBSTATUSES_OF_STATUS, transitionProblem } from '../../tools/partnerCenterSimulator/statusTransitions';
import type { WireObject } from '../support/wireJson';

const NOW = DateTime.fromISO('2026-11-24T10:30:00Z', { zone: 'utc' });

const received = () => ({
  id: 'r-1',
  status: 'New',
  substatus: 'Received',
  createdDateTime: '2026-11-23T08:00:00Z',
  updatedDateTime: '2026-11-23T08:00:00Z',
  details: { notes: 'from the customer', dealValue: 1000, currency: 'EUR' },
});

function operationsOf(body: unknown): AppliedOperation[] {
  const read = readPatchOperations(body);
  if ('problem' in read) assert.fail(`expected operations, got ${read.problem.message}`);
  return read.operations;
}

function readProblem(body: unknown): PatchProblem {
  const read = readPatchOperations(body);
  if (!('problem' in read)) assert.fail('expected the patch to be refused');
  return read.problem;
}

function patched(referral: Record<string, unknown>, body: unknown): WireObject {
  const result = applyReferralPatch(referral, operationsOf(body), NOW);
  if ('problem' in result) assert.fail(`expected the patch to apply, got ${result.problem.message}`);
  return result.referral;
}

function applyProblem(referral: Record<string, unknown>, body: unknown): PatchProblem {
  const result = applyReferralPatch(referral, operationsOf(body), NOW);
  if (!('problem' in result)) assert.fail('expected the patch to be refused');
  return result.problem;
}

const replace = (path: string, value: unknown) => ({ op: 'replace', path, value });

describe('simulator: PATCH of a referral', () => {
  it('lets partners change the paths of the contract, the same the client may send', () => {
    assert.deepEqual([...PATCHABLE_PATHS].sort(), [
      '/campaignId',
      '/details/closingDateTime',
      '/details/currency',
      '/details/dealValue',
      '/details/notes',
      '/details/requirements/solutions',
      '/externalReferenceId',
      '/salesStage',
      '/status',
      '/statusReason',
      '/substatus',
      '/team',
    ]);
  });

  describe('reading the operations', () => {
    it('takes replace and add with a value', () => {
      assert.deepEqual(
        operationsOf([replace('/status', 'Active'), { op: 'add', path: '/details/notes', value: 'x' }]),
        [
          { op: 'replace', path: '/status', value: 'Active' },
          { op: 'add', path: '/details/notes', value: 'x' },
        ],
      );
    });

    const refused: [string, unknown, string, RegExp][] = [
      ['a body that is no array', { op: 'replace', path: '/status', value: 'Active' }, '/', /JSON Patch array/],
      ['an empty patch', [], '/', /no operations/],
      ['an operation that is no object', ['replace'], '/0', /operation 0 must be an object/],
      [
        'an operation without a path',
        [replace('/status', 'Active'), { op: 'replace', value: 1 }],
        '/1',
        /operation 1 has no path/,
      ],
      [
        'remove',
        [{ op: 'remove', path: '/statusReason' }],
        '/statusReason',
        /op "remove" is not supported; use replace or add/,
      ],
      ['test', [{ op: 'test', path: '/status', value: 'New' }], '/status', /op "test" is not supported/],
      [
        'a path outside the contract',
        [replace('/name', 'Renamed')],
        '/name',
        /\/name cannot be changed; the patchable paths are \/status, \/substatus/,
      ],
      [
        'a nested path outside the contract',
        [replace('/details/customerRequestedContact', false)],
        '/details/customerRequestedContact',
        /cannot be changed/,
      ],
      ['an array index path', [{ op: 'add', path: '/team/-', value: {} }], '/team/-', /cannot be changed/],
      [
        'an operation without a value',
        [{ op: 'replace', path: '/status' }],
        '/status',
        /\/status: the operation has no value/,
      ],
      ['an unknown status', [replace('/status', 'Open')], '/status', /\/status must be one of New, Active, Closed/],
      ['status None', [replace('/status', 'None')], '/status', /must be one of New, Active, Closed/],
      [
        'an unknown substatus',
        [replace('/substatus', 'Maybe')],
        '/substatus',
        /must be one of Pending, Received, Accepted, Won, Lost, Declined, Expired/,
      ],
      [
        'a negative deal value',
        [replace('/details/dealValue', -1)],
        '/details/dealValue',
        /must be a number, zero or more/,
      ],
      ['a deal value as text', [replace('/details/dealValue', '25000')], '/details/dealValue', /must be a number/],
      ['a currency name', [replace('/details/currency', 'euro')], '/details/currency', /three-letter ISO-4217 code/],
      [
        'a closing date that is no date',
        [replace('/details/closingDateTime', '31.01.2027')],
        '/details/closingDateTime',
        /ISO-8601/,
      ],
      ['notes that are no text', [replace('/details/notes', 5)], '/details/notes', /must be a string/],
      ['a team that is no array', [replace('/team', { email: 'a@b.example' })], '/team', /must be an array/],
      [
        'a team member with a bad e-mail',
        [replace('/team', [{ firstName: 'Sales', email: 'not-an-address' }])],
        '/team',
        /item 0: "not-an-address" is not an e-mail address/,
      ],
      [
        'a solution without id',
        [replace('/details/requirements/solutions', [{ id: 's' }, { name: 'No id' }])],
        '/details/requirements/solutions',
        /item 1: needs an id/,
      ],
      ['an empty sales stage', [replace('/salesStage', ' ')], '/salesStage', /must not be empty/],
      [
        'an overlong status reason',
        [replace('/statusReason', 'x'.repeat(1001))],
        '/statusReason',
        /at most 1000 characters/,
      ],
    ];
    for (const [what, body, path, message] of refused) {
      it(`refuses ${what}, naming ${path}`, () => {
        const problem = readProblem(body);
        assert.equal(problem.path, path);
        assert.match(problem.message, message);
      });
    }

    it('names the first bad operation of several', () => {
      assert.equal(
        readProblem([
          replace('/status', 'Active'),
          replace('/substatus', 'Accepted'),
          replace('/details/dealValue', -5),
        ]).path,
        '/details/dealValue',
      );
    });
  });

  describe('applying', () => {
    it('accepts: Active/Accepted with the deal details, stamped accepted and updated now', () => {
      const result = patched(received(), [
        replace('/status', 'Active'),
        replace('/substatus', 'Accepted'),
        replace('/details/dealValue', 42000),
        replace('/details/closingDateTime', '2027-01-31T00:00:00Z'),
      ]);
      assert.equal(result.status, 'Active');
      assert.equal(result.substatus, 'Accepted');
      assert.deepEqual(result.details, {
        notes: 'from the customer',
        dealValue: 42000,
        currency: 'EUR',
        closingDateTime: '2027-01-31T00:00:00Z',
      });
      assert.equal(result.acceptedDateTime, '2026-11-24T10:30:00.000Z');
      assert.equal(result.updatedDateTime, '2026-11-24T10:30:00.000Z');
      assert.equal(result.closedDateTime, undefined);
      assert.equal(result.createdDateTime, '2026-11-23T08:00:00Z');
    });

    it('declines: Closed/Declined with a reason, stamped closed now', () => {
      const result = patched(received(), [
        replace('/status', 'Closed'),
        replace('/substatus', 'Declined'),
        replace('/statusReason', 'Customer did not respond'),
      ]);
      assert.equal(`${result.status}/${result.substatus}`, 'Closed/Declined');
      assert.equal(result.statusReason, 'Customer did not respond');
      assert.equal(result.closedDateTime, '2026-11-24T10:30:00.000Z');
      assert.equal(result.acceptedDateTime, undefined);
    });

    it('wins an active deal without touching when it was accepted', () => {
      const active = {
        ...received(),
        status: 'Active',
        substatus: 'Accepted',
        acceptedDateTime: '2026-11-23T09:00:00Z',
      };
      const result = patched(active, [replace('/status', 'Closed'), replace('/substatus', 'Won')]);
      assert.equal(result.acceptedDateTime, '2026-11-23T09:00:00Z');
      assert.equal(result.closedDateTime, '2026-11-24T10:30:00.000Z');
    });

    it('changes an active deal’s details, stage and team without a status', () => {
      const active = {
        ...received(),
        status: 'Active',
        substatus: 'Accepted',
        acceptedDateTime: '2026-11-23T09:00:00Z',
      };
      const team = [{ firstName: 'Account', lastName: 'Executive', email: 'ae@partner.example' }];
      const result = patched(active, [
        replace('/salesStage', 'Develop'),
        replace('/team', team),
        { op: 'add', path: '/externalReferenceId', value: 'CRM-7' },
      ]);
      assert.equal(result.salesStage, 'Develop');
      assert.deepEqual(result.team, team);
      assert.equal(result.externalReferenceId, 'CRM-7');
      assert.equal(result.acceptedDateTime, '2026-11-23T09:00:00Z');
      assert.equal(result.updatedDateTime, '2026-11-24T10:30:00.000Z');
    });

    it('creates the objects a nested path needs', () => {
      const bare = { id: 'r-2', status: 'New', substatus: 'Received', updatedDateTime: '2026-11-23T08:00:00Z' };
      const solutions = [{ id: 'AzureMigration', name: 'Azure migration', type: 'Category' }];
      const result = patched(bare, [replace('/details/requirements/solutions', solutions)]);
      assert.deepEqual(result.details, { requirements: { solutions } });
    });

    it('keeps New with another substatus (Received → Pending)', () => {
      assert.equal(patched(received(), [replace('/substatus', 'Pending')]).substatus, 'Pending');
    });

    it('leaves the given referral as it was', () => {
      const referral = received();
      const copy = structuredClone(referral);
      patched(referral, [
        replace('/status', 'Active'),
        replace('/substatus', 'Accepted'),
        replace('/details/notes', 'changed'),
      ]);
      assert.deepEqual(referral, copy);
    });

    const refused: [string, Record<string, unknown>, unknown[], string, RegExp][] = [
      [
        'a status without a substatus that fits it',
        received(),
        [replace('/status', 'Active')],
        '/substatus',
        /substatus Received does not fit status Active; an Active referral is Accepted/,
      ],
      [
        'a substatus of another status',
        received(),
        [replace('/substatus', 'Won')],
        '/substatus',
        /substatus Won does not fit status New; a New referral is Pending, Received/,
      ],
      [
        'going back from Active to New',
        { ...received(), status: 'Active', substatus: 'Accepted' },
        [replace('/status', 'New'), replace('/substatus', 'Received')],
        '/status',
        /an Active referral cannot become New; it may become Active or Closed/,
      ],
      [
        'reopening a Closed referral',
        { ...received(), status: 'Closed', substatus: 'Declined' },
        [replace('/status', 'Active'), replace('/substatus', 'Accepted')],
        '/status',
        /Closed \(Declined\), which is final/,
      ],
      [
        'changing only the substatus of a Closed referral',
        { ...received(), status: 'Closed', substatus: 'Lost' },
        [replace('/substatus', 'Won')],
        '/substatus',
        /which is final/,
      ],
      [
        'even repeating the status of a Closed referral',
        { ...received(), status: 'Closed', substatus: 'Won' },
        [replace('/status', 'Closed')],
        '/status',
        /final/,
      ],
    ];
    for (const [what, referral, body, path, message] of refused) {
      it(`refuses ${what}, naming ${path}`, () => {
        const problem = applyProblem(referral, body);
        assert.equal(problem.path, path);
        assert.ok(problem.message.startsWith(`${path}: `), problem.message);
        assert.match(problem.message, message);
      });
    }

    it('lets a Closed referral’s other fields change', () => {
      const closed = { ...received(), status: 'Closed', substatus: 'Lost' };
      assert.equal(
        patched(closed, [replace('/statusReason', 'Customer chose another vendor')]).statusReason,
        'Customer chose another vendor',
      );
    });
  });

  describe('the transition table', () => {
    // partner-center-api.md: New → New/Active/Closed, Active → Active/Closed, Closed final.
    const allowed = new Set([
      'New>New/Pending',
      'New>New/Received',
      'New>Active/Accepted',
      'New>Closed/Won',
      'New>Closed/Lost',
      'New>Closed/Declined',
      'New>Closed/Expired',
      'Active>Active/Accepted',
      'Active>Closed/Won',
      'Active>Closed/Lost',
      'Active>Closed/Declined',
      'Active>Closed/Expired',
    ]);
    const substatuses = ['Pending', 'Received', 'Accepted', 'Won', 'Lost', 'Declined', 'Expired'];
    for (const from of [
      { status: 'New', substatus: 'Received' },
      { status: 'Active', substatus: 'Accepted' },
      { status: 'Closed', substatus: 'Won' },
    ]) {
      it(`from ${from.status}`, () => {
        for (const status of ['New', 'Active', 'Closed']) {
          for (const substatus of substatuses) {
            const key = `${from.status}>${status}/${substatus}`;
            const problem = transitionProblem(from, { status, substatus }, { status: true, substatus: true });
            assert.equal(problem === undefined, allowed.has(key), `${key}: ${problem?.message ?? 'allowed'}`);
          }
        }
      });
    }

    it('has the substatuses of the contract for each status', () => {
      assert.deepEqual(SUBSTATUSES_OF_STATUS, {
        New: ['Pending', 'Received'],
        Active: ['Accepted'],
        Closed: ['Won', 'Lost', 'Declined', 'Expired'],
      });
    });

    it('does not check a patch that sets neither status nor substatus', () => {
      assert.equal(
        transitionProblem(
          { status: 'Closed', substatus: 'Won' },
          { status: 'Closed', substatus: 'Won' },
          { status: false, substatus: false },
        ),
        undefined,
      );
    });
  });
});
