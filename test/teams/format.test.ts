import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { cardDateTime, codeAsWords } from '../../bot/teams/views/format';

describe('card text formatting', () => {
  it('writes instants for DATE()/TIME() in UTC without fractions of a second, which clients reject', () => {
    const instant = DateTime.fromISO('2026-11-22T05:52:01.861+01:00', { setZone: true });
    assert.equal(cardDateTime(instant), '{{DATE(2026-11-22T04:52:01Z, SHORT)}} {{TIME(2026-11-22T04:52:01Z)}}');
  });

  it("writes Partner Center's PascalCase codes as phrases, keeping acronyms", () => {
    assert.equal(codeAsWords('ProofOfConceptOrDemo'), 'Proof of concept or demo');
    assert.equal(codeAsWords('CustomerTechnicalArchitecture'), 'Customer technical architecture');
    assert.equal(codeAsWords('AzureAIWorkshop'), 'Azure AI workshop');
    assert.equal(codeAsWords('Technical'), 'Technical');
  });
});
