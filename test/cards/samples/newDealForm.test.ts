import assert from 'node:assert/strict';
import { samples } from './samples';

describe('cards', () => {
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
});
