import assert from 'node:assert/strict';
import { USERS, personalMessage } from '../../support/teamsActivities';
import { traces, useLinkedDesk } from './fixtures';

describe('who may reach the desk (over HTTP, as an attacker would)', function () {
  this.timeout(30_000);
  const { desk, restartWith } = useLinkedDesk();

  it('sends nothing, and stores nothing, for an activity whose service URL is off this machine when unauthenticated on every interface', async () => {
    const h = await restartWith({ INSECURE_LISTEN_WITHOUT_AUTHENTICATION: 'true' });
    assert.notEqual(h.app.address, '127.0.0.1');
    const foreign = { ...personalMessage(h.serviceUrl, 'help', USERS.bob), serviceUrl: 'https://connector.invalid/' };
    const answer = await h.activity(foreign);
    assert.equal(answer.status, 200);
    assert.deepEqual(h.connector.calls, []);
    assert.deepEqual(await traces(h, USERS.bob), []);
    // From this machine it still works.
    await h.activity(personalMessage(h.serviceUrl, 'help', USERS.bob));
    assert.ok(h.connector.calls.length > 0);
  });

  it('listens on loopback alone while authentication is off', () => {
    const h = desk();
    assert.equal(h.app.address, '127.0.0.1');
  });
});
