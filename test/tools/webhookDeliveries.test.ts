import assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { parseWebhookEvent, type PartnerCenterEvent } from '../../bot/partnerCenter/webhookEvents';
import { WebhookVerifier, type WebhookRefusalReason } from '../../bot/partnerCenter/webhookSignature';
import { issueLeaf, sharedTestPki, type TestPki } from '../../tools/partnerCenterSimulator/certificates';
import {
  WebhookSender,
  certificateHandler,
  eventBody,
  signDelivery,
} from '../../tools/partnerCenterSimulator/webhooks';

const NOW = DateTime.fromISO('2026-06-01T12:00:00Z', { zone: 'utc' });
const REFERRAL_URI =
  'https://api.partner.microsoft.com/v1.0/engagements/referrals/7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * A receiver like the desk's webhook endpoint will be: verifies each delivery, parses it,
 * records what it accepted and refused, and can be told to fail the next deliveries.
 */
class Receiver {
  readonly accepted: PartnerCenterEvent[] = [];
  readonly refused: WebhookRefusalReason[] = [];
  readonly statuses: number[] = [];
  failNext: number[] = [];
  url = '';
  private readonly server: Server;

  constructor(verifier: WebhookVerifier) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      const answer = (status: number) => {
        this.statuses.push(status);
        // Not chained: a module loaded elsewhere in the suite patches writeHead to return nothing.
        res.writeHead(status);
        res.end();
      };
      const receive = async () => {
        const failure = this.failNext.shift();
        if (failure) return answer(failure);
        const body = Buffer.concat(chunks);
        const verification = await verifier.verify(body, req.headers);
        if (!verification.ok) {
          this.refused.push(verification.reason);
          return answer(401);
        }
        const parsed = parseWebhookEvent(JSON.parse(body.toString('utf8')));
        if (parsed.kind !== 'event') return answer(400);
        this.accepted.push(parsed.event);
        answer(200);
      };
      // A body this stand-in cannot read (not JSON, a verifier that throws) is a 500 the test sees, not a hung request.
      req.on('end', () => void receive().catch(() => answer(500)));
    });
  }

  async start(): Promise<void> {
    this.url = `${await listen(this.server)}/api/partner-center/events`;
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}

describe("the simulator's webhook deliveries", () => {
  let pki: TestPki;
  let certificates: Server;
  let certificateRequests: string[];
  let certificateBase = '';

  before(async () => {
    pki = sharedTestPki();
    certificateRequests = [];
    const bundle = certificateHandler(pki, '/cert/pcnotifications-dispatch.simulator.cer');
    const der = certificateHandler(pki, '/cert/leaf.cer', 'der');
    certificates = createServer((req, res) => {
      certificateRequests.push(`${req.method} ${req.url}`);
      if (bundle(req, res) || der(req, res)) return;
      res.writeHead(404);
      res.end();
    });
    certificateBase = await listen(certificates);
  });

  after(() => close(certificates));

  describe('eventBody', () => {
    it('writes a referral event as Partner Center does, to the seven fractional digits of its date', () => {
      const body = eventBody(
        'referral-created',
        REFERRAL_URI,
        DateTime.fromISO('2026-03-02T10:15:30.123+01:00', { setZone: true }),
      );
      assert.equal(
        JSON.stringify(body),
        `{"EventName":"referral-created","ResourceUri":"${REFERRAL_URI}","ResourceName":"referral","AuditUri":null,"ResourceChangeUtcDate":"2026-03-02T09:15:30.1230000+00:00"}`,
      );
    });

    it('names the resource "test" for a test delivery', () => {
      assert.equal(
        eventBody(
          'test-created',
          'https://api.partnercenter.microsoft.com/webhooks/v1/registration/validationEvents/c0bf',
          NOW,
        ).ResourceName,
        'test',
      );
    });

    it("is read back by the desk's parser", () => {
      const parsed = parseWebhookEvent(eventBody('related-referral-updated', REFERRAL_URI, NOW));
      assert.ok(parsed.kind === 'event');
      assert.equal(parsed.event.event, 'related-referral-updated');
      assert.equal(parsed.event.referralId, '7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42');
      assert.equal(parsed.event.changedAt.toISO(), '2026-06-01T12:00:00.000Z');
    });
  });

  describe('signDelivery', () => {
    it('signs the UTF-8 bytes of the body with RSA-SHA256 in Authorization: Signature, naming the certificate', () => {
      const body = '{"EventName":"referral-created","note":"Müller"}';
      const headers = signDelivery(body, pki.privateKey, 'https://certs.simulator.test/c.cer');
      assert.deepEqual(Object.keys(headers), [
        'Content-Type',
        'Authorization',
        'X-MS-Certificate-Url',
        'X-MS-Signature-Algorithm',
      ]);
      assert.equal(headers['Content-Type'], 'application/json');
      assert.equal(headers['X-MS-Certificate-Url'], 'https://certs.simulator.test/c.cer');
      assert.equal(headers['X-MS-Signature-Algorithm'], 'rsa-sha256');
      const [scheme, token] = headers.Authorization.split(' ');
      assert.equal(scheme, 'Signature');
      assert.equal(verify('sha256', Buffer.from(body, 'utf8'), pki.leaf.publicKey, Buffer.from(token, 'base64')), true);
      assert.equal(
        verify('sha256', Buffer.from(body, 'latin1'), pki.leaf.publicKey, Buffer.from(token, 'base64')),
        false,
      );
    });

    it('puts the signature in x-ms-signature when asked', () => {
      const headers = signDelivery('{}', pki.privateKey, 'https://certs.simulator.test/c.cer', 'x-ms-signature');
      assert.equal(headers.Authorization, undefined);
      assert.match(headers['x-ms-signature'], /^Signature [A-Za-z0-9+/]+=*$/);
    });
  });

  describe('certificateHandler', () => {
    it('serves the PEM bundle of leaf and intermediate at its path', async () => {
      const response = await fetch(`${certificateBase}/cert/pcnotifications-dispatch.simulator.cer?v=1`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/x-pem-file');
      assert.equal(await response.text(), pki.bundlePem);
    });

    it('serves the leaf in DER when set up so', async () => {
      const response = await fetch(`${certificateBase}/cert/leaf.cer`);
      assert.equal(response.headers.get('content-type'), 'application/pkix-cert');
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), pki.leafDer);
    });

    it('leaves other paths to the server, and refuses other methods at its path', async () => {
      assert.equal((await fetch(`${certificateBase}/cert/other.cer`)).status, 404);
      const post = await fetch(`${certificateBase}/cert/leaf.cer`, { method: 'POST', body: 'x' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD');
    });
  });

  describe('WebhookSender', () => {
    let receiver: Receiver;
    let waits: number[];
    const sender = (options: Partial<ConstructorParameters<typeof WebhookSender>[0]> = {}) =>
      new WebhookSender({
        privateKey: pki.privateKey,
        certificateUrl: `${certificateBase}/cert/pcnotifications-dispatch.simulator.cer`,
        sleep: async (ms) => void waits.push(ms),
        ...options,
      });

    beforeEach(async () => {
      waits = [];
      certificateRequests.length = 0;
      receiver = new Receiver(
        new WebhookVerifier({
          allowedHosts: ['127.0.0.1'],
          allowInsecureHttp: true,
          trustAnchors: [pki.root],
          clock: () => NOW,
        }),
      );
      await receiver.start();
    });

    afterEach(() => receiver.stop());

    it("delivers a signed event that the desk's verifier accepts, in one attempt", async () => {
      const report = await sender().send(receiver.url, eventBody('referral-created', REFERRAL_URI, NOW));
      assert.deepEqual(report, { delivered: true, attempts: [{ attempt: 1, status: 200 }] });
      assert.deepEqual(
        receiver.accepted.map((e) => [e.event, e.referralId]),
        [['referral-created', '7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42']],
      );
      assert.deepEqual(waits, []);
      assert.deepEqual(certificateRequests, ['GET /cert/pcnotifications-dispatch.simulator.cer']);
    });

    it('delivers with the signature in x-ms-signature too, and with a DER certificate', async () => {
      await receiver.stop();
      receiver = new Receiver(
        new WebhookVerifier({
          allowedHosts: ['127.0.0.1'],
          allowInsecureHttp: true,
          trustAnchors: [pki.intermediate],
          clock: () => NOW,
        }),
      );
      await receiver.start();
      const report = await sender({
        signatureHeader: 'x-ms-signature',
        certificateUrl: `${certificateBase}/cert/leaf.cer`,
      }).send(receiver.url, eventBody('referral-updated', REFERRAL_URI, NOW));
      assert.equal(report.delivered, true);
      assert.equal(receiver.accepted[0].event, 'referral-updated');
    });

    it('tries again after a 500, waiting longer each time, until the receiver takes it', async () => {
      receiver.failNext = [500, 500];
      const report = await sender().send(receiver.url, eventBody('referral-updated', REFERRAL_URI, NOW));
      assert.equal(report.delivered, true);
      assert.deepEqual(
        report.attempts.map((a) => a.status),
        [500, 500, 200],
      );
      assert.deepEqual(waits, [1000, 2000]);
      assert.equal(receiver.accepted.length, 1);
    });

    it('gives up after 10 attempts, as Partner Center does', async () => {
      receiver.failNext = Array.from({ length: 12 }, () => 503);
      const report = await sender().send(receiver.url, eventBody('referral-created', REFERRAL_URI, NOW));
      assert.equal(report.delivered, false);
      assert.deepEqual(
        report.attempts.map((a) => a.attempt),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      );
      assert.equal(receiver.statuses.length, 10, 'the receiver saw ten deliveries');
      assert.deepEqual(waits, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
      assert.equal(receiver.accepted.length, 0);
    });

    it('tries again after a network error', async () => {
      const gone = createServer();
      const url = `${await listen(gone)}/api/partner-center/events`;
      await close(gone);
      const report = await sender({ attempts: 3, retryDelayMs: () => 5 }).send(
        url,
        eventBody('referral-created', REFERRAL_URI, NOW),
      );
      assert.equal(report.delivered, false);
      assert.equal(report.attempts.length, 3);
      for (const attempt of report.attempts) {
        assert.equal(attempt.status, undefined);
        assert.match(attempt.error ?? '', /ECONNREFUSED/);
      }
      assert.deepEqual(waits, [5, 5]);
    });

    it("is refused by the receiver when signed with a key that is not the certificate's", async () => {
      const other = issueLeaf(pki);
      const report = await sender({ privateKey: other.privateKey, attempts: 2 }).send(
        receiver.url,
        eventBody('referral-created', REFERRAL_URI, NOW),
      );
      assert.equal(report.delivered, false);
      assert.deepEqual(
        report.attempts.map((a) => a.status),
        [401, 401],
      );
      assert.deepEqual(receiver.refused, ['signature-mismatch', 'signature-mismatch']);
    });

    it('sends a body given as text byte for byte', async () => {
      const text = JSON.stringify(
        eventBody(
          'test-created',
          'https://api.partnercenter.microsoft.com/webhooks/v1/registration/validationEvents/c0bf',
          NOW,
        ),
        null,
        2,
      );
      const report = await sender().send(receiver.url, text);
      assert.equal(report.delivered, true);
      assert.equal(receiver.accepted[0].event, 'test-created');
    });
  });
});
