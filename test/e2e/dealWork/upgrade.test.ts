import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import { dealVerbs } from '../flows';
import { dealActions, useAcceptedDeal } from './fixtures';

/** An accepted deal (a partner's P2P invitation, owned by Alice), worked on through its card as Teams sends it. */
describe('working on an accepted deal (over HTTP)', () => {
  const deal = useAcceptedDeal();
  const { click, actionsIn } = dealActions(deal);

  describe('upgrade', () => {
    it('invites Microsoft to a partner-to-partner deal, which becomes co-sell; nothing else is offered after', async () => {
      const refreshed = await click(VERBS.refresh, {});
      assert.ok(dealVerbs(refreshed.body.value).includes(VERBS.upgrade));
      const missingHelp = await click(VERBS.upgrade, { upgrade: 'inviteMicrosoft' });
      assert.match(String(missingHelp.body.value), /Kind of help needed from Microsoft is required/);
      const answer = await click(VERBS.upgrade, { upgrade: 'inviteMicrosoft', help: 'technicalArchitecture' });
      const text = JSON.stringify(answer.body.value);
      assert.match(text, /"title":"Deal type","value":"Co-sell with Microsoft"/);
      assert.match(text, /"title":"Help asked of Microsoft","value":"Technical architecture guidance"/);
      assert.ok(
        !dealVerbs(answer.body.value).includes(VERBS.upgrade),
        'a received co-sell deal cannot invite partners',
      );
      const again = await click(VERBS.upgrade, { upgrade: 'inviteMicrosoft', help: 'technicalArchitecture' });
      assert.match(JSON.stringify(again.body.value), /does not allow that change/);
      assert.deepEqual(await actionsIn(), ['received', 'accept', 'upgrade']);
    });
  });
});
