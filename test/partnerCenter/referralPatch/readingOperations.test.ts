import assert from 'node:assert/strict';
import { PATCHABLE_PATHS } from '../../../tools/partnerCenterSimulator/referralPatch';
import { operationsOf, readProblem, replace } from './fixtures';

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
});
