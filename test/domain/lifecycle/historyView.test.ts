import assert from 'node:assert/strict';
import { historyView } from '../../../bot/domain/lifecycle';
import type { ReferralRecord } from '../../../bot/domain/referral';
import { receivedRecord } from '../../support/fixtures';
import { ALICE } from './fixtures';

describe('lifecycle: historyView', () => {
  it("flattens the timeline fields to text: the customer's request and the team's notes apart", () => {
    const record: ReferralRecord = {
      referral: {
        ...receivedRecord().referral,
        statusReason: 'Other',
        externalReferenceId: 'CRM-1',
        campaignId: 'C-1',
      },
      desk: { revision: 4, owner: ALICE, notes: 'Call Anna on Monday.' },
    };
    assert.deepEqual(historyView(record), {
      status: 'New/Received',
      name: 'Contoso cloud migration',
      dealValue: '25000',
      currency: 'EUR',
      closingDateTime: undefined,
      expirationDateTime: '2026-12-07T08:00:00.000Z',
      notes: 'We want to move 40 VMs to Azure before March.',
      deskNotes: 'Call Anna on Monday.',
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
