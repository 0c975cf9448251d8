import assert from 'node:assert/strict';
import { useUnregisteredDesk, webhooksCommand } from './fixtures';

/**
 * The desk running with Partner Center (the simulator) but not registered for its webhooks
 * yet, and the command run against the simulator's webhook API: its test events travel to the
 * desk over HTTP, signed, and the desk checks them as it checks every delivery.
 */
describe('npm run partner-center:webhooks: registering the desk for Partner Center’s webhooks', () => {
  const { startDesk, desk } = useUnregisteredDesk();

  const { settings, run } = webhooksCommand(desk);

  it('refuses an http URL for another host than this machine, naming --url, before calling anything', async () => {
    const pc = await startDesk();
    const { code, io } = await run(['--url', 'http://desk.example.com/api/partner-center/events']);
    assert.equal(code, 2);
    assert.match(
      io.errors.join('\n'),
      /^--url must be an https URL \(http only for this machine, .*\), not "http:\/\/desk\.example\.com/,
    );
    assert.deepEqual(pc.simulator.requests, []);
  });

  it('builds the URL from BOT_DOMAIN, and names BOT_DOMAIN when it is not a bare host name or is missing', async () => {
    const pc = await startDesk();
    // Nothing listens on this machine's https port: the test event finds nobody there.
    const fromDomain = await run([], settings({ BOT_DOMAIN: 'LocalHost' }));
    assert.equal(fromDomain.code, 1);
    assert.equal(pc.simulator.webhookRegistration?.url(), 'https://localhost/api/partner-center/events');
    assert.match(fromDomain.io.output, /Registered https:\/\/localhost\/api\/partner-center\/events for /);
    assert.match(fromDomain.io.lines.join('\n'), /: failed\n( {2}\S+ no answer: .+\n){9} {2}\S+ no answer: .+$/);
    assert.equal(
      fromDomain.io.errors.at(-1),
      'Partner Center could not reach https://localhost/api/partner-center/events: ' +
        'is the desk running there, and reachable from the internet?',
    );
    const withScheme = await run([], settings({ BOT_DOMAIN: 'https://desk.example.com' }));
    assert.equal(withScheme.code, 1);
    assert.match(
      withScheme.io.errors.join('\n'),
      /^BOT_DOMAIN must be the desk's host name only, e\.g\. desk\.example\.com/,
    );
    const missing = await run([], settings());
    assert.match(
      missing.io.errors.join('\n'),
      /set BOT_DOMAIN to its host name .*, or pass --url https:\/\/<host>\/api\/partner-center\/events/,
    );
  });

  it('names a missing refresh token, and the roles a 403 asks for, with Partner Center’s status and text', async () => {
    const pc = await startDesk();
    const missing = await run(['--url', pc.eventsUrl], settings({ PARTNER_CENTER_REFRESH_TOKEN: '' }));
    assert.equal(missing.code, 1);
    assert.match(
      missing.io.errors.join('\n'),
      /^Missing setting .*\n {2}PARTNER_CENTER_REFRESH_TOKEN: the refresh token `npm run partner-center:login` \w+$/,
    );

    pc.simulator.failNext(1, 403);
    const forbidden = await run(['--url', pc.eventsUrl]);
    assert.equal(forbidden.code, 1);
    const said = forbidden.io.errors.join('\n');
    assert.match(
      said,
      /^The signed-in user may not read the webhook registration \(403 Forbidden: The service failed to answer/,
    );
    assert.match(said, /Global admin, Admin agent, Billing admin, Sales agent or Helpdesk agent/);
    assert.equal(pc.simulator.webhookRegistration, undefined);

    pc.simulator.failNext(1, 401);
    const refused = await run(['--url', pc.eventsUrl]);
    assert.equal(refused.code, 1);
    const unauthorized = refused.io.errors.join('\n');
    assert.match(unauthorized, /^Partner Center refused the access token to read the webhook registration \(401/);
    assert.match(unauthorized, /delegated permission user_impersonation of the Partner Center API/);
  });

  it('asks Entra for a token of the webhook API’s own resource, with the same refresh token', async () => {
    const pc = await startDesk();
    await run(['--show']);
    const request = pc.simulator.tokenRequests.at(-1);
    assert.equal(request?.scope, 'https://api.partnercenter.microsoft.com/user_impersonation');
    assert.equal(request?.refreshToken, pc.simulator.credentials.refreshToken);
    assert.equal(request?.status, 200);
  });
});
