import assert from 'node:assert/strict';
import type { WebhookHeaders, WebhookRefusalReason } from '../../../bot/partnerCenter/webhookSignature';
import { BODY, refusal, signatureOf, signedHeaders, useCertificateServer } from './fixtures';

describe('Partner Center webhook signatures', () => {
  const { server, certificates, verifier } = useCertificateServer();

  describe('a genuine delivery', () => {
    it('passes with Authorization: Signature and a PEM bundle of leaf and intermediate', async () => {
      const { pki } = certificates();
      const result = await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem')));
      assert.deepEqual(result, { ok: true });
      assert.deepEqual(server.requests, ['GET /bundle.pem']);
    });

    it('passes with the signature in x-ms-signature, bare or with the Signature scheme', async () => {
      const { pki } = certificates();
      const headers = { 'x-ms-certificate-url': server.url('/bundle.pem'), 'x-ms-signature-algorithm': 'rsa-sha256' };
      const v = verifier();
      assert.deepEqual(await v.verify(BODY, { ...headers, 'x-ms-signature': signatureOf(BODY, pki.privateKey) }), {
        ok: true,
      });
      assert.deepEqual(
        await v.verify(BODY, { ...headers, 'x-ms-signature': `Signature ${signatureOf(BODY, pki.privateKey)}` }),
        { ok: true },
      );
    });

    it('reads header names in any case, as a simulator or proxy may spell them', async () => {
      const { pki } = certificates();
      const headers = {
        Authorization: `Signature ${signatureOf(BODY, pki.privateKey)}`,
        'X-MS-Certificate-Url': server.url('/bundle.pem'),
        'X-MS-Signature-Algorithm': 'RSA-SHA256',
      };
      assert.deepEqual(await verifier().verify(BODY, headers), { ok: true });
    });

    it('passes with a DER certificate alone when its intermediate is a trust anchor', async () => {
      const { pki } = certificates();
      const result = await verifier({ trustAnchors: [pki.root, pki.intermediate] }).verify(
        BODY,
        signedHeaders(BODY, pki.privateKey, server.url('/leaf.cer')),
      );
      assert.deepEqual(result, { ok: true });
    });

    it('passes with a single PEM certificate when its intermediate is a trust anchor', async () => {
      const { pki } = certificates();
      const result = await verifier({ trustAnchors: [pki.intermediate] }).verify(
        BODY,
        signedHeaders(BODY, pki.privateKey, server.url('/leaf.pem')),
      );
      assert.deepEqual(result, { ok: true });
    });

    it('checks the raw UTF-8 bytes of the body', async () => {
      const { pki } = certificates();
      const body = Buffer.from('{"EventName":"referral-created","note":"Müller & Søn – 東京"}', 'utf8');
      assert.deepEqual(await verifier().verify(body, signedHeaders(body, pki.privateKey, server.url('/bundle.pem'))), {
        ok: true,
      });
    });
  });

  describe('a forged or altered delivery', () => {
    it('is refused when one byte of the body changed', async () => {
      const { pki } = certificates();
      const headers = signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem'));
      const altered = Buffer.from(BODY);
      altered[20] ^= 0x01;
      const result = refusal(await verifier().verify(altered, headers));
      assert.equal(result.reason, 'signature-mismatch');
      assert.match(result.message, /does not match the body/);
    });

    it("is refused when signed by another key than the certificate's", async () => {
      const { wrongIssuer } = certificates();
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, wrongIssuer.privateKey, server.url('/bundle.pem'))),
      );
      assert.equal(result.reason, 'signature-mismatch');
    });

    it('is refused without a signature, or with another Authorization scheme', async () => {
      const url = server.url('/bundle.pem');
      const none = refusal(await verifier().verify(BODY, { 'x-ms-certificate-url': url }));
      assert.equal(none.reason, 'missing-signature');
      assert.match(none.message, /neither an Authorization: Signature header nor an x-ms-signature header/);
      const bearer = refusal(
        await verifier().verify(BODY, { authorization: 'Bearer abc', 'x-ms-certificate-url': url }),
      );
      assert.equal(bearer.reason, 'missing-signature');
      assert.match(bearer.message, /not of the Signature scheme/);
      const empty = refusal(await verifier().verify(BODY, { 'x-ms-signature': '  ', 'x-ms-certificate-url': url }));
      assert.equal(empty.reason, 'missing-signature');
      const bare = refusal(await verifier().verify(BODY, { authorization: 'Signature ', 'x-ms-certificate-url': url }));
      assert.deepEqual(bare, {
        ok: false,
        reason: 'missing-signature',
        message: 'the Authorization header carries no signature',
      });
      assert.deepEqual(server.requests, [], 'nothing is downloaded for an unsigned delivery');
    });

    it('is refused, without throwing, for malformed headers', async () => {
      const url = server.url('/bundle.pem');
      const cases: [WebhookHeaders, WebhookRefusalReason][] = [
        [{ authorization: 'Signature not*base64!', 'x-ms-certificate-url': url }, 'malformed-signature'],
        [{ authorization: 'Signature abc', 'x-ms-certificate-url': url }, 'malformed-signature'],
        [{ 'x-ms-signature': ['AAAA', 'BBBB'], 'x-ms-certificate-url': url }, 'malformed-signature'],
        [
          { 'x-ms-signature': 'AAAA', 'x-ms-signature-algorithm': 'rsa-sha1', 'x-ms-certificate-url': url },
          'unsupported-algorithm',
        ],
        [{ 'x-ms-signature': 'AAAA' }, 'missing-certificate-url'],
        [{ 'x-ms-signature': 'AAAA', 'x-ms-certificate-url': 'not a url' }, 'certificate-url-not-allowed'],
        [{ 'x-ms-signature': 'AAAA', 'x-ms-certificate-url': [url, url] }, 'certificate-url-not-allowed'],
        [{ 'x-ms-signature': 'AAAA', 'x-ms-certificate-url': url }, 'signature-mismatch'],
      ];
      for (const [headers, reason] of cases) {
        assert.equal(refusal(await verifier().verify(BODY, headers)).reason, reason, JSON.stringify(headers));
      }
    });
  });
});
