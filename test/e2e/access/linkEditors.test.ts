import assert from 'node:assert/strict';
import { CHANNELS, USERS, channelMessage, teamMember } from '../../support/teamsActivities';
import { replies } from '../flows';
import { STRANGER, useLinkedDesk } from './fixtures';

describe('who may reach the desk (over HTTP, as an attacker would)', function () {
  this.timeout(30_000);
  const { desk, restartWith } = useLinkedDesk();

  describe('link and unlink in an installed team', () => {
    it('are for the team owners and whoever installed the desk; other members hear who may', async () => {
      const h = desk();
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas', USERS.bob));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'unlink emea', USERS.bob));
      assert.deepEqual(replies(h.connector.calls, '19:'), Array(2).fill(h.services.strings.access.linksByOwners));
      assert.deepEqual(
        (await h.services.links.list()).map((l) => l.target.code),
        ['emea'],
      );
      h.connector.members = h.connector.members.map((m) => (m.id === USERS.bob.id ? { ...m, userRole: 'Owner' } : m));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas', USERS.bob));
      assert.deepEqual((await h.services.links.list()).map((l) => l.target.code).sort(), ['americas', 'emea']);
    });

    it('are for every member but guests with LINK_EDITORS=members, and for admins alone with admins', async () => {
      let h = await restartWith({ LINK_EDITORS: 'members' });
      h.connector.members.push({ ...teamMember(STRANGER), userRole: 'guest' });
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas', USERS.bob));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac', STRANGER));
      assert.deepEqual(
        (await h.services.links.list()).map((l) => l.target.code),
        ['americas'],
      );
      assert.deepEqual(replies(h.connector.calls, CHANNELS.apac.id), [h.services.strings.access.linksByMembers]);

      h = await restartWith({ LINK_EDITORS: 'admins', DESK_ADMINS: USERS.manager.aadObjectId });
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea', USERS.alice));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac', USERS.manager));
      assert.deepEqual(replies(h.connector.calls, CHANNELS.emea.id), [h.services.strings.access.linksByAdmins]);
      assert.deepEqual(
        (await h.services.links.list()).map((l) => l.target.code),
        ['apac'],
      );
    });
  });
});
