import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runWebhooks } from '../../tools/partnerCenter/webhooks';
import { generateReferral } from '../../tools/partnerCenterSimulator';
import { MovableClock } from '../support/movableClock';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { RecordingIo } from '../support/recordingIo';

const REFERRAL_EVENTS = [
  'referral-created',
  'referral-updated',
  'related-referral-created',
  'related-referral-updated',
];
const DESK_EVENTS = [...REFERRAL_EVENTS, 'test-created'];

/**
 * The desk running with Partner Center (the simulator) but not registered for its webhooks
 * yet, and the command run against the simulator's webhook API: its test events travel to the
 * desk over HTTP, signed, and the desk checks them as it checks every delivery.
 */
describe('npm run partner-center:webhooks: registering the desk for Partner Center’s webhooks', () => {
  let pc: PartnerCenterHarness;

  async function startDesk(env: Record<string, string> = {}): Promise<void> {
    pc = await new PartnerCenterHarness(env, { registered: false }).start();
  }
  afterEach(async () => pc?.stop());

  function settings(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    const { credentials } = pc.simulator;
    return {
      PARTNER_CENTER_TENANT_ID: credentials.tenantId,
      PARTNER_CENTER_CLIENT_ID: credentials.clientId,
      PARTNER_CENTER_CLIENT_SECRET: credentials.clientSecret,
      PARTNER_CENTER_REFRESH_TOKEN: credentials.refreshToken,
      PARTNER_CENTER_AUTHORITY_URL: pc.simulator.authorityUrl,
      ...overrides,
    };
  }

  /** Runs the command against the simulator's API; each wait lets Partner Center's deliveries so far end. */
  async function run(args: string[], env = settings()): Promise<{ code: number; io: RecordingIo }> {
    const io = new RecordingIo(new MovableClock(pc.bot.clock.now), async () => void (await pc.webhooks.settled()));
    const code = await runWebhooks(['--api', pc.simulator.webhookApiUrl, ...args], env, io);
    return { code, io };
  }

  /** The calls the command made to the webhook API, as `METHOD /path`. */
  const webhookCalls = () =>
    pc.simulator.requests
      .filter((r) => r.path.startsWith('/webhooks/v1'))
      .map((r) => `${r.method} ${r.path.replace(/\/[0-9a-f-]{36}$/, '/{id}')}`);

  it('registers the desk’s events at its URL, tests the delivery; referral events then reach the desk', async () => {
    await startDesk();
    const { code, io } = await run(['--url', pc.eventsUrl]);
    assert.equal(code, 0, io.output);

    const registration = pc.simulator.webhookRegistration;
    assert.equal(registration?.url(), pc.eventsUrl);
    assert.deepEqual(registration?.events, DESK_EVENTS);
    assert.deepEqual(webhookCalls(), [
      'GET /webhooks/v1/registration',
      'POST /webhooks/v1/registration',
      'POST /webhooks/v1/registration/validationEvents',
      'GET /webhooks/v1/registration/validationEvents/{id}',
    ]);
    assert.match(io.lines.join('\n'), /webhook registration \(http:\/\/127\.0\.0\.1:\d+\/webhooks\/v1\):\n {2}none\n/);
    assert.match(io.lines.join('\n'), new RegExp(`Registered ${pc.eventsUrl} for ${DESK_EVENTS.join(', ')}\\.`));

    const correlationId = /test event \(([0-9a-f-]{36})\)/.exec(io.lines.join('\n'))?.[1];
    assert.ok(correlationId, io.output);
    const validation = pc.simulator.validationEvent(correlationId);
    assert.equal(validation?.status, 'completed');
    assert.deepEqual(
      validation?.results.map((r) => r.responseCode),
      ['OK'],
      'the desk verified the signed test event and answered 200',
    );
    assert.match(io.lines.join('\n'), new RegExp(`Test event ${correlationId}: completed\\n {2}\\S+ OK\\n`));
    assert.equal(io.lines.at(-1), `The test event reached the desk at ${pc.eventsUrl}.`);
    assert.deepEqual(io.errors, []);

    const referral = generateReferral(7, pc.bot.clock.now);
    pc.simulator.add(referral);
    const [delivery] = await pc.delivered().then((reports) => reports.slice(-1));
    assert.equal(delivery.delivered, true);
    assert.ok(
      await pc.bot.services.referrals.get(String(referral.id)),
      'the registration brings referral events to the desk',
    );
  });

  it('changes nothing on a second run with the same URL, and still tests the delivery', async () => {
    await startDesk();
    assert.equal((await run(['--url', pc.eventsUrl])).code, 0);
    const before = webhookCalls().length;
    const { code, io } = await run(['--url', pc.eventsUrl]);
    assert.equal(code, 0, io.output);
    assert.deepEqual(webhookCalls().slice(before), [
      'GET /webhooks/v1/registration',
      'POST /webhooks/v1/registration/validationEvents',
      'GET /webhooks/v1/registration/validationEvents/{id}',
    ]);
    assert.match(io.output, /The desk is registered already; nothing to change\./);
    assert.match(io.output, /The test event reached the desk/);

    const third = await run(['--url', pc.eventsUrl]);
    assert.equal(third.code, 1, 'Partner Center sends two test events a minute');
    assert.deepEqual(third.io.errors, [
      'The registration is in place, but no test event was sent: Partner Center is throttling calls to ' +
        'send a test event (429 Too Many Requests: At most 2 test events a minute); try again in 60 s.',
    ]);
  });

  it('moves a registration to the desk’s URL with PUT, adding its events, keeping the partner’s others', async () => {
    await startDesk();
    pc.simulator.registerWebhook('https://crm.example.com/partner-center', [
      'subscription-updated',
      'referral-created',
    ]);
    const { code, io } = await run(['--url', pc.eventsUrl]);
    assert.equal(code, 0, io.output);
    assert.deepEqual(webhookCalls().slice(0, 2), ['GET /webhooks/v1/registration', 'PUT /webhooks/v1/registration']);
    assert.ok(!webhookCalls().includes('POST /webhooks/v1/registration'));
    const registration = pc.simulator.webhookRegistration;
    assert.equal(registration?.url(), pc.eventsUrl);
    assert.deepEqual(registration?.events, [
      'subscription-updated',
      'referral-created',
      'referral-updated',
      'related-referral-created',
      'related-referral-updated',
      'test-created',
    ]);
    assert.match(
      io.output,
      /URL: {4}https:\/\/crm\.example\.com\/partner-center\n {2}events: subscription-updated, referral-created\n/,
    );
    assert.ok(
      io.lines.includes(
        `Changed the registration: URL https://crm.example.com/partner-center → ${pc.eventsUrl}; ` +
          'add referral-updated, related-referral-created, related-referral-updated, test-created.',
      ),
      io.output,
    );
    assert.match(
      io.output,
      /Also registered, and delivered to the same URL: subscription-updated \(the desk ignores them\)\./,
    );
  });

  it('only shows the registration with --show: no write, no test event, and no URL needed', async () => {
    await startDesk();
    const none = await run(['--show']);
    assert.equal(none.code, 0, none.io.output);
    assert.match(none.io.output, /webhook registration \(.*\):\n {2}none$/);
    pc.simulator.registerWebhook('https://crm.example.com/partner-center', ['subscription-updated']);
    const shown = await run(['--show', '--url', 'http://desk.example.com/events']);
    assert.equal(shown.code, 0, shown.io.output);
    assert.match(
      shown.io.output,
      /URL: {4}https:\/\/crm\.example\.com\/partner-center\n {2}events: subscription-updated$/,
    );
    assert.deepEqual(webhookCalls(), ['GET /webhooks/v1/registration', 'GET /webhooks/v1/registration']);
    assert.equal(pc.simulator.webhookRegistration?.url(), 'https://crm.example.com/partner-center');
  });

  it('reports a test event the desk refused, with the answers Partner Center saw and what to check', async () => {
    await startDesk({ PARTNER_CENTER_CERTIFICATE_HOSTS: 'certificates.example.com' });
    const { code, io } = await run(['--url', pc.eventsUrl]);
    assert.equal(code, 1, io.output);
    assert.equal(pc.simulator.webhookRegistration?.url(), pc.eventsUrl, 'the registration is made all the same');
    assert.match(
      io.lines.join('\n'),
      /Test event [0-9a-f-]{36}: failed\n( {2}\S+ Unauthorized\n){9} {2}\S+ Unauthorized$/,
    );
    assert.deepEqual(io.errors, [
      `The test event did not reach the desk at ${pc.eventsUrl}.`,
      'The desk refused the signature (see its log for why): check PARTNER_CENTER_CERTIFICATE_HOSTS, ' +
        'PARTNER_CENTER_TRUST_ANCHORS and PARTNER_CENTER_CERTIFICATE_ISSUER on the desk.',
    ]);
  });

  it('looks again while Partner Center is still delivering, then reports the last state it saw', async () => {
    await startDesk();
    // A receiver that answers only when the test lets it: the delivery stays pending until then.
    const held: ServerResponse[] = [];
    let arrived!: () => void;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    const receiver = createServer((req, res) => {
      req.resume().on('end', () => {
        held.push(res);
        arrived();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/partner-center/events`;
    const answerHeld = () => {
      for (const res of held.splice(0)) {
        // Not chained: a module loaded elsewhere in the suite patches writeHead to return nothing.
        res.writeHead(200);
        res.end();
      }
    };
    try {
      const io: RecordingIo = new RecordingIo(new MovableClock(pc.bot.clock.now), async (wait) => {
        if (wait === 3) {
          await firstArrived;
          answerHeld();
          await pc.webhooks.settled();
        }
      });
      const args = ['--api', pc.simulator.webhookApiUrl, '--url', url];
      assert.equal(await runWebhooks(args, settings(), io), 0, io.output);
      assert.deepEqual(io.waits, [5000, 5000, 5000], 'looked three times, the last once it was delivered');
      assert.match(io.output, /: completed\n {2}\S+ OK\n/);

      const never = new RecordingIo(new MovableClock(pc.bot.clock.now));
      assert.equal(await runWebhooks(args, settings(), never), 1);
      assert.equal(never.waits.length, 6);
      assert.match(never.lines.join('\n'), /Test event [0-9a-f-]{36}: pending$/);
      assert.deepEqual(never.errors, [
        'Partner Center has not delivered the test event within 30 s; run the command again later to send another.',
      ]);
    } finally {
      answerHeld();
      await pc.webhooks.settled();
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('refuses an http URL for another host than this machine, naming --url, before calling anything', async () => {
    await startDesk();
    const { code, io } = await run(['--url', 'http://desk.example.com/api/partner-center/events']);
    assert.equal(code, 2);
    assert.match(
      io.errors.join('\n'),
      /^--url must be an https URL \(http only for this machine, .*\), not "http:\/\/desk\.example\.com/,
    );
    assert.deepEqual(pc.simulator.requests, []);
  });

  it('builds the URL from BOT_DOMAIN, and names BOT_DOMAIN when it is not a bare host name or is missing', async () => {
    await startDesk();
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
    await startDesk();
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
    await startDesk();
    await run(['--show']);
    const request = pc.simulator.tokenRequests.at(-1);
    assert.equal(request?.scope, 'https://api.partnercenter.microsoft.com/user_impersonation');
    assert.equal(request?.refreshToken, pc.simulator.credentials.refreshToken);
    assert.equal(request?.status, 200);
  });
});
