import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { WebhookVerifier } from '../../../bot/partnerCenter/webhookSignature';
import { issueLeaf, sharedTestPki, type TestPki } from '../../../tools/partnerCenterSimulator/certificates';
import { WebhookSender, eventBody } from '../../../tools/partnerCenterSimulator/webhooks';
import { close, listen, NOW, Receiver, REFERRAL_URI, serveCertificates } from './fixtures';

describe("the simulator's webhook deliveries", () => {
  let pki: TestPki;
  let certificates: Server;
  let certificateRequests: string[];
  let certificateBase = '';

  before(async () => {
    pki = sharedTestPki();
    ({ server: certificates, requests: certificateRequests, base: certificateBase } = await serveCertificates(pki));
  });

  after(() => close(certificates));

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
