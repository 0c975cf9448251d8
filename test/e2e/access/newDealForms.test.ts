import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import { CHANNELS, USERS, personalCardAction, personalMessage } from '../../support/teamsActivities';
import { deliverAndAwaitCard } from '../flows';
import { useLinkedDesk } from './fixtures';

describe('who may reach the desk (over HTTP, as an attacker would)', function () {
  this.timeout(30_000);
  const { desk } = useLinkedDesk();

  describe('new deal forms', () => {
    it('cannot name an existing referral: the answer reveals nothing of it', async () => {
      const h = desk();
      const { id } = await deliverAndAwaitCard(h, CHANNELS.emea);
      const answer = await h.activity(
        personalCardAction(h.serviceUrl, 'form-1', VERBS.createDeal, { formId: id, customerName: 'x' }),
      );
      assert.equal(answer.body.value, h.services.strings.newDeal.formUsed);
      assert.ok(!JSON.stringify(answer.body).includes('Contoso'));
    });

    it('show the deal they created to its creator alone', async () => {
      const h = desk();
      await h.activity(personalMessage(h.serviceUrl, 'new deal'));
      const form = h.connector.calls.find((c) => JSON.stringify(c.body).includes('"formId"'))!;
      const formId = /"formId":"([^"]+)"/.exec(JSON.stringify(form.body))![1];
      assert.match(formId, /^deal-[0-9a-f-]{36}$/);
      const fields = {
        formId,
        customerName: 'Litware',
        country: 'DE',
        dealName: 'Litware data platform',
        dealValue: '50000',
        currency: 'EUR',
        closingDate: '2027-03-31',
        memberFirstName: 'Alice',
        memberLastName: 'Rep',
        memberEmail: 'alice@partner.example',
        memberPhoneNumber: '+49 30 1234567',
        contactFirstName: 'Lee',
        contactLastName: 'Buyer',
        contactEmail: 'lee@litware.example',
        contactPhoneNumber: '+49 30 7654321',
        solutions: h.services.solutions[0].id,
        help: 'none',
        microsoftSellersMaySee: 'false',
      };
      const created = await h.activity(personalCardAction(h.serviceUrl, 'form-1', VERBS.createDeal, fields));
      assert.equal(created.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(created.body));
      const again = await h.activity(personalCardAction(h.serviceUrl, 'form-1', VERBS.createDeal, fields, USERS.bob));
      assert.equal(again.body.value, h.services.strings.newDeal.formUsed);
      assert.ok(!JSON.stringify(again.body).includes('Litware'));
    });
  });
});
