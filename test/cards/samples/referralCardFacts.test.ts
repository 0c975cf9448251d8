import assert from 'node:assert/strict';
import { en } from '../../../bot/strings/en';
import { referralCard, referralCardData } from '../../../bot/teams/views/referral/referralCardView';
import { NOW, receivedRecord } from '../../support/fixtures';
import { samples } from './samples';

describe('cards', () => {
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
    const facts = Object.fromEntries([...p2p.customer.facts, ...p2p.facts].map((f) => [f.title, f.value]));
    assert.equal(facts['Invited by'], 'Trey Research');
    assert.equal(facts['Help requested'], 'Proof of concept or demo');
    assert.equal(facts["Trey Research's estimated value"], '€25,000');
    assert.equal(facts["Trey Research's estimated close"], '15 Jan 2027');
    const fromMicrosoft = referralCardData(
      receivedRecord({
        type: 'Shared',
        inviteContext: { invitedBy: { organizationName: 'Microsoft' }, assistanceRequestCode: 'Technical' },
      }),
      NOW,
      en,
    );
    const msFacts = Object.fromEntries(
      [...fromMicrosoft.customer.facts, ...fromMicrosoft.facts].map((f) => [f.title, f.value]),
    );
    assert.equal(msFacts.Source, 'Co-sell invitation from Microsoft');
    assert.equal(msFacts['Help requested'], 'Technical');
    assert.equal(msFacts['Estimated value'], '€25,000');
  });

  it('says on a won deal whether it is eligible for deal registration, and why not', () => {
    assert.match(
      JSON.stringify(samples['won co-sell deal eligible for deal registration']),
      /Eligible for deal registration/,
    );
    assert.match(
      JSON.stringify(samples.won),
      /Not eligible for deal registration: only co-sell and partner-led deals qualify; no incentive-eligible solution on the deal \(next time, add one with Team & solutions → Add solution before reporting the win\)\./,
    );
    assert.doesNotMatch(JSON.stringify(samples.accepted), /deal registration/);
  });

  it('shows the lead kind, the contact flag while fresh, and time left', () => {
    const data = referralCardData(receivedRecord(), NOW, en);
    assert.equal(data.customer.facts.find((f) => f.title === en.card.source)?.value, en.leadKind.customerInquiry);
    assert.equal(data.contactFlag, en.card.contactRequestedFresh);
    assert.match(data.status, /^13 days left/);
    const later = referralCardData(receivedRecord(), NOW.plus({ days: 4 }), en);
    assert.equal(later.contactFlag, en.card.contactRequestedOld);
    assert.equal(referralCardData(receivedRecord(), NOW.plus({ days: 13, hours: 20 }), en).statusColor, 'Attention');
  });

  it('tells what the customer needs: their notes, then the solutions they asked for, labelled', () => {
    const data = referralCardData(receivedRecord(), NOW, en);
    assert.equal(
      data.needs.text,
      `We want to move 40 VMs to Azure before March.\n\n${en.card.solutions('Azure migration assessment')}`,
    );
  });

  it('names the inviting partner of a co-sell invitation', () => {
    const data = referralCardData(
      receivedRecord({ inviteContext: { invitedBy: { organizationName: 'Northwind Partners' } } }),
      NOW,
      en,
    );
    const fact = (title: string) => data.customer.facts.find((f) => f.title === title)?.value;
    assert.equal(fact(en.card.source), en.leadKind.coSellFromPartner);
    assert.equal(fact(en.card.invitedBy), 'Northwind Partners');
  });

  it('renders from a template that no render changes', () => {
    const a = referralCard(receivedRecord({ name: 'First' }), NOW, en);
    referralCard(receivedRecord({ name: 'Second' }), NOW, en);
    const again = referralCard(receivedRecord({ name: 'First' }), NOW, en);
    assert.deepEqual(again, a);
  });
});
