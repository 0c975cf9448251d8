import assert from 'node:assert/strict';
import { parseReferrals } from '../../../bot/partnerCenter/referralSchema';
import { pcReferral } from '../../support/fixtures';
import { fieldsOf, problemsOf, withoutKey } from './fixtures';

describe('partnerCenter: parseReferrals', () => {
  it("refuses an id of the kind the partner's own deals have, so a delivery cannot reach one", () => {
    const parsed = parseReferrals(pcReferral({ id: 'deal-0f6c1d9e-5b7a-4c61-9a57-2b8e3f4d5a10' }));
    assert.ok('problems' in parsed);
    assert.equal(parsed.problems[0].problems[0].field, 'id');
    assert.match(parsed.problems[0].problems[0].message, /must not start with "deal-"/);
  });

  describe('problems', () => {
    it('names a missing id', () => {
      const problems = problemsOf(withoutKey(pcReferral(), 'id'));
      assert.deepEqual(
        problems.map((p) => [p.index, p.id]),
        [[0, undefined]],
      );
      assert.deepEqual(
        problems[0].problems.map((p) => p.field),
        ['id'],
      );
    });

    for (const id of ['a/b', 'a b', 'a#1', '-leading-dash', '', 'x'.repeat(129)]) {
      it(`names an id with bad characters or length: ${JSON.stringify(id.length > 20 ? `${id.slice(0, 5)}…(${id.length})` : id)}`, () => {
        const problems = problemsOf(pcReferral({ id }));
        assert.equal(problems[0].id, id);
        assert.deepEqual(
          problems[0].problems.map((p) => p.field),
          ['id'],
        );
      });
    }

    it('names a missing customer name', () => {
      assert.deepEqual(fieldsOf(pcReferral({ customerProfile: { address: { country: 'DE' } } })), [
        'customerProfile.name',
      ]);
      assert.deepEqual(fieldsOf(pcReferral({ customerProfile: { name: '  ', address: { country: 'DE' } } })), [
        'customerProfile.name',
      ]);
    });

    it('names a missing customer profile', () => {
      assert.deepEqual(fieldsOf(withoutKey(pcReferral(), 'customerProfile')), ['customerProfile']);
    });

    it('names a missing address', () => {
      assert.deepEqual(fieldsOf(pcReferral({ customerProfile: { name: 'Contoso GmbH' } })), [
        'customerProfile.address',
      ]);
    });

    it('names a missing country', () => {
      assert.deepEqual(
        fieldsOf(pcReferral({ customerProfile: { name: 'Contoso GmbH', address: { city: 'Berlin' } } })),
        ['customerProfile.address.country'],
      );
    });

    for (const country of ['Germany', 'DEU', 'XK', 'UK', '']) {
      it(`names country ${JSON.stringify(country)}, which is no ISO-3166 alpha-2 code`, () => {
        const problems = problemsOf(pcReferral({ customerProfile: { name: 'Contoso GmbH', address: { country } } }));
        assert.deepEqual(
          problems[0].problems.map((p) => p.field),
          ['customerProfile.address.country'],
        );
        assert.match(problems[0].problems[0].message, /ISO-3166/);
      });
    }

    it('names a negative deal value', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { dealValue: -1 } })), ['details.dealValue']);
    });

    it('names a deal value that is not a number', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { dealValue: '25000' } })), ['details.dealValue']);
    });

    it('names a bad currency', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { currency: 'euro' } })), ['details.currency']);
    });

    for (const field of [
      'createdDateTime',
      'updatedDateTime',
      'expirationDateTime',
      'acceptedDateTime',
      'closedDateTime',
    ]) {
      it(`names a bad date in ${field}`, () => {
        assert.deepEqual(fieldsOf(pcReferral({ [field]: 'not-a-date' })), [field]);
      });
    }

    it('names a bad closing date in the details', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { closingDateTime: '31.01.2027' } })), [
        'details.closingDateTime',
      ]);
    });

    it('names an unknown status', () => {
      assert.deepEqual(fieldsOf(pcReferral({ status: 'Open' })), ['status']);
    });

    it('names every problem of one item', () => {
      const fields = fieldsOf(
        pcReferral({
          id: 'bad id',
          customerProfile: { address: { country: 'Germany' } },
          details: { dealValue: -5 },
          createdDateTime: 'yesterday',
        }),
      ).sort();
      assert.deepEqual(fields, [
        'createdDateTime',
        'customerProfile.address.country',
        'customerProfile.name',
        'details.dealValue',
        'id',
      ]);
    });

    it('rejects an item that is not an object', () => {
      for (const body of [null, 42, 'referral', [pcReferral(), null]]) {
        const problems = problemsOf(body);
        assert.equal(problems.length, 1, JSON.stringify(body));
        assert.equal(problems[0].index, Array.isArray(body) ? 1 : 0);
      }
    });

    it('rejects an empty array', () => {
      assert.deepEqual(
        problemsOf([]).map((p) => p.problems.map((q) => q.field)),
        [['(body)']],
      );
    });
  });
});
