import assert from 'node:assert/strict';
import { applyProblem, patched, received, replace } from './fixtures';

describe('simulator: PATCH of a referral', () => {
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
});
