import assert from 'node:assert/strict';
import { generateReferral } from '../../../tools/partnerCenterSimulator';
import { DESK_EVENTS, useUnregisteredDesk, webhooksCommand } from './fixtures';

/**
 * The desk running with Partner Center (the simulator) but not registered for its webhooks
 * yet, and the command run against the simulator's webhook API: its test events travel to the
 * desk over HTTP, signed, and the desk checks them as it checks every delivery.
 */
describe('npm run partner-center:webhooks: registering the desk for Partner Center’s webhooks', () => {
  const { startDesk, desk } = useUnregisteredDesk();

  const { run, webhookCalls } = webhooksCommand(desk);

  it('registers the desk’s events at its URL, tests the delivery; referral events then reach the desk', async () => {
    const pc = await startDesk();
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
    const pc = await startDesk();
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
    const pc = await startDesk();
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
    const pc = await startDesk();
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
});
