import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runWebhooks } from '../../../tools/partnerCenter/webhooks';
import { MovableClock } from '../../support/movableClock';
import { RecordingIo } from '../../support/recordingIo';
import { useUnregisteredDesk, webhooksCommand } from './fixtures';

/**
 * The desk running with Partner Center (the simulator) but not registered for its webhooks
 * yet, and the command run against the simulator's webhook API: its test events travel to the
 * desk over HTTP, signed, and the desk checks them as it checks every delivery.
 */
describe('npm run partner-center:webhooks: registering the desk for Partner Center’s webhooks', () => {
  const { startDesk, desk } = useUnregisteredDesk();

  const { settings, run } = webhooksCommand(desk);

  it('reports a test event the desk refused, with the answers Partner Center saw and what to check', async () => {
    const pc = await startDesk({ PARTNER_CENTER_CERTIFICATE_HOSTS: 'certificates.example.com' });
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
    const pc = await startDesk();
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
});
