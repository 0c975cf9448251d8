import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { DateTime } from 'luxon';
import forge from 'node-forge';
import { ConfigError, loadConfig } from '../../bot/config/config';
import { loadTrustAnchors } from '../../bot/config/trustAnchors';
import { checkCertificateUrl, hostIsAllowed } from '../../bot/partnerCenter/certificateUrl';
import {
  WebhookVerifier,
  webhookVerifierFrom,
  type WebhookHeaders,
  type WebhookRefusalReason,
  type WebhookVerification,
  type WebhookVerifierOptions,
} from '../../bot/partnerCenter/webhookSignature';
import {
  expiredLeaf,
  issueLeaf,
  sharedTestPki,
  untrustedLeaf,
  type SigningCertificate,
  type TestPki,
} from '../../tools/partnerCenterSimulator/certificates';
import { CertificateServer } from '../support/certificateServer';

const NOW = DateTime.fromISO('2026-06-01T12:00:00Z', { zone: 'utc' });
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

const BODY = Buffer.from(
  JSON.stringify({
    EventName: 'referral-updated',
    ResourceUri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42',
    ResourceName: 'referral',
    AuditUri: null,
    ResourceChangeUtcDate: '2026-06-01T11:59:58.1234567+00:00',
  }),
  'utf8',
);

const signatureOf = (body: Buffer, key: KeyObject) => sign('sha256', body, key).toString('base64');

/** The headers Partner Center sends, signed with `key`, naming `certificateUrl`. */
function signedHeaders(body: Buffer, key: KeyObject, certificateUrl: string): WebhookHeaders {
  return {
    'content-type': 'application/json',
    authorization: `Signature ${signatureOf(body, key)}`,
    'x-ms-certificate-url': certificateUrl,
    'x-ms-signature-algorithm': 'rsa-sha256',
  };
}

function refusal(result: WebhookVerification): { reason: WebhookRefusalReason; message: string } {
  if (result.ok) assert.fail('expected the delivery to be refused');
  return result;
}

describe('Partner Center webhook signatures', () => {
  let pki: TestPki;
  let wrongIssuer: SigningCertificate;
  let expired: SigningCertificate;
  let only2026: SigningCertificate;
  let untrusted: SigningCertificate;
  const server = new CertificateServer();
  let now = NOW;

  const verifier = (options: Partial<WebhookVerifierOptions> = {}) =>
    new WebhookVerifier({
      allowedHosts: ['127.0.0.1'],
      allowInsecureHttp: true,
      trustAnchors: [pki.root],
      clock: () => now,
      ...options,
    });

  before(async () => {
    pki = sharedTestPki();
    wrongIssuer = issueLeaf(pki, { issuerOrganization: 'Contoso Signing' });
    expired = expiredLeaf(pki);
    only2026 = issueLeaf(pki, {
      validity: { validFrom: at('2026-01-01T00:00:00Z'), validTo: at('2026-12-31T23:59:59Z') },
    });
    untrusted = untrustedLeaf();
    await server.start();
  });

  after(() => server.stop());

  beforeEach(() => {
    now = NOW;
    server.requests.length = 0;
    server.answers.clear();
    server.answers.set('/bundle.pem', { file: pki.bundlePem });
    server.answers.set('/leaf.cer', { file: pki.leafDer, contentType: 'application/pkix-cert' });
    server.answers.set('/leaf.pem', { file: pki.leafPem });
  });

  describe('a genuine delivery', () => {
    it('passes with Authorization: Signature and a PEM bundle of leaf and intermediate', async () => {
      const result = await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem')));
      assert.deepEqual(result, { ok: true });
      assert.deepEqual(server.requests, ['GET /bundle.pem']);
    });

    it('passes with the signature in x-ms-signature, bare or with the Signature scheme', async () => {
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
      const headers = {
        Authorization: `Signature ${signatureOf(BODY, pki.privateKey)}`,
        'X-MS-Certificate-Url': server.url('/bundle.pem'),
        'X-MS-Signature-Algorithm': 'RSA-SHA256',
      };
      assert.deepEqual(await verifier().verify(BODY, headers), { ok: true });
    });

    it('passes with a DER certificate alone when its intermediate is a trust anchor', async () => {
      const result = await verifier({ trustAnchors: [pki.root, pki.intermediate] }).verify(
        BODY,
        signedHeaders(BODY, pki.privateKey, server.url('/leaf.cer')),
      );
      assert.deepEqual(result, { ok: true });
    });

    it('passes with a single PEM certificate when its intermediate is a trust anchor', async () => {
      const result = await verifier({ trustAnchors: [pki.intermediate] }).verify(
        BODY,
        signedHeaders(BODY, pki.privateKey, server.url('/leaf.pem')),
      );
      assert.deepEqual(result, { ok: true });
    });

    it('checks the raw UTF-8 bytes of the body', async () => {
      const body = Buffer.from('{"EventName":"referral-created","note":"Müller & Søn – 東京"}', 'utf8');
      assert.deepEqual(await verifier().verify(body, signedHeaders(body, pki.privateKey, server.url('/bundle.pem'))), {
        ok: true,
      });
    });
  });

  describe('a forged or altered delivery', () => {
    it('is refused when one byte of the body changed', async () => {
      const headers = signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem'));
      const altered = Buffer.from(BODY);
      altered[20] ^= 0x01;
      const result = refusal(await verifier().verify(altered, headers));
      assert.equal(result.reason, 'signature-mismatch');
      assert.match(result.message, /does not match the body/);
    });

    it("is refused when signed by another key than the certificate's", async () => {
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

  describe('where the certificate may come from', () => {
    it('refuses a host that is not allowed before making any request', async () => {
      const result = refusal(
        await verifier({ allowedHosts: ['localhost'] }).verify(
          BODY,
          signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem')),
        ),
      );
      assert.equal(result.reason, 'certificate-url-not-allowed');
      assert.match(result.message, /the certificate host 127\.0\.0\.1 is not one of the allowed hosts \(localhost\)/);
      assert.deepEqual(server.requests, [], 'the certificate server saw no request');
    });

    it('refuses http unless insecure http was allowed, before making any request', async () => {
      const result = refusal(
        await verifier({ allowInsecureHttp: false }).verify(
          BODY,
          signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem')),
        ),
      );
      assert.equal(result.reason, 'certificate-url-not-allowed');
      assert.match(result.message, /must use https, not http/);
      assert.deepEqual(server.requests, []);
    });

    it('allows exact hosts and names under a *.suffix entry, and nothing that merely ends alike', () => {
      const allowed = ['3psostorageacct.blob.core.windows.net', '*.certs.example.com'];
      assert.equal(hostIsAllowed('3PSOSTORAGEACCT.blob.core.windows.net', allowed), true);
      assert.equal(hostIsAllowed('a.certs.example.com', allowed), true);
      assert.equal(hostIsAllowed('a.b.certs.example.com', allowed), true);
      assert.equal(hostIsAllowed('certs.example.com', allowed), false);
      assert.equal(hostIsAllowed('evilcerts.example.com', allowed), false);
      assert.equal(hostIsAllowed('other.blob.core.windows.net', allowed), false);
      assert.equal(hostIsAllowed('3psostorageacct.blob.core.windows.net.evil.test', allowed), false);
    });

    it('takes an https URL on an allowed host, on any port, and refuses one with credentials', () => {
      const hosts = ['3psostorageacct.blob.core.windows.net'];
      const ok = checkCertificateUrl(
        'https://3psostorageacct.blob.core.windows.net/cert/pcnotifications-dispatch.microsoft.com.cer',
        hosts,
      );
      assert.ok('url' in ok);
      assert.equal(ok.url.pathname, '/cert/pcnotifications-dispatch.microsoft.com.cer');
      assert.ok('url' in checkCertificateUrl('https://3psostorageacct.blob.core.windows.net:8443/c.cer', hosts));
      assert.deepEqual(checkCertificateUrl('https://user:pw@3psostorageacct.blob.core.windows.net/c.cer', hosts), {
        refusal: 'the certificate URL must not carry a user name or password',
      });
      assert.deepEqual(checkCertificateUrl('ftp://3psostorageacct.blob.core.windows.net/c.cer', hosts, true), {
        refusal: 'the certificate URL must use https, not ftp',
      });
    });

    it('refuses to be built without hosts, with a malformed host, or without trust anchors', () => {
      assert.throws(() => new WebhookVerifier({ allowedHosts: [] }), /at least one allowed certificate host/);
      assert.throws(() => new WebhookVerifier({ allowedHosts: ['https://host.example.com'] }), /is not a host name/);
      assert.throws(() => new WebhookVerifier({ allowedHosts: ['*.com'] }), /too wide/);
      assert.throws(
        () => new WebhookVerifier({ allowedHosts: ['host.example.com'], trustAnchors: [] }),
        /at least one trust anchor/,
      );
    });
  });

  describe('the certificate and its chain', () => {
    const deliverySignedBy = async (
      signer: SigningCertificate,
      path: string,
      options: Partial<WebhookVerifierOptions> = {},
    ) => {
      server.answers.set(path, { file: signer.bundlePem });
      return verifier(options).verify(BODY, signedHeaders(BODY, signer.privateKey, server.url(path)));
    };

    it('refuses a certificate from an authority that is not trusted', async () => {
      const result = refusal(await deliverySignedBy(untrusted, '/untrusted.pem'));
      assert.equal(result.reason, 'chain-not-trusted');
      assert.match(
        result.message,
        /"Microsoft Test Signing CA" is issued by "Untrusted Test Root CA", which is neither a trust anchor nor among the downloaded certificates/,
      );
    });

    it('refuses a lone certificate whose intermediate neither came with it nor is trusted', async () => {
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/leaf.cer'))),
      );
      assert.equal(result.reason, 'chain-not-trusted');
      assert.match(
        result.message,
        /"pcnotifications-dispatch\.simulator\.test" is issued by "Microsoft Test Signing CA"/,
      );
    });

    it("trusts Node's bundled roots by default, which do not include the test root", async () => {
      const result = refusal(
        await verifier({ trustAnchors: undefined }).verify(
          BODY,
          signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem')),
        ),
      );
      assert.equal(result.reason, 'chain-not-trusted');
      assert.match(result.message, /issued by "Referral Desk Test Root CA"/);
    });

    it('refuses an expired certificate', async () => {
      const result = refusal(await deliverySignedBy(expired, '/expired.pem'));
      assert.equal(result.reason, 'certificate-expired');
      assert.equal(result.message, 'the signing certificate expired on 2019-12-31T23:59:59.000Z');
    });

    it('checks validity at the injected clock: valid during 2026, expired after, not yet valid before', async () => {
      server.answers.set('/2026.pem', { file: only2026.bundlePem });
      const headers = signedHeaders(BODY, only2026.privateKey, server.url('/2026.pem'));
      const v = verifier({ cacheTtlMs: 0 });
      assert.deepEqual(await v.verify(BODY, headers), { ok: true });
      now = at('2027-03-01T00:00:00Z');
      assert.equal(refusal(await v.verify(BODY, headers)).reason, 'certificate-expired');
      now = at('2025-06-01T00:00:00Z');
      const early = refusal(await v.verify(BODY, headers));
      assert.equal(early.reason, 'certificate-not-yet-valid');
      assert.equal(early.message, 'the signing certificate is not valid before 2026-01-01T00:00:00.000Z');
    });

    it('refuses a certificate once the intermediate in its chain has expired', async () => {
      // The test authority's CAs are valid through 2049; a leaf issued until 2060 outlives them.
      const outliving = issueLeaf(pki, {
        validity: { validFrom: at('2026-01-01T00:00:00Z'), validTo: at('2060-01-01T00:00:00Z') },
      });
      now = at('2055-01-01T00:00:00Z');
      const result = refusal(await deliverySignedBy(outliving, '/outliving.pem'));
      assert.equal(result.reason, 'certificate-expired');
      assert.equal(result.message, '"Microsoft Test Signing CA" in its chain expired on 2049-12-31T23:59:59.000Z');
    });

    it('refuses a chain through a certificate that may sign certificates but is not a CA', async () => {
      // forge signs in pure JavaScript here: two certificates, a fraction of a second.
      const forgeKey = () => {
        const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
        return {
          privateKey,
          forgePrivate: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }) as string),
          forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string),
        };
      };
      const issue = (
        subjectCn: string,
        key: ReturnType<typeof forgeKey>,
        issuer: forge.pki.Certificate,
        issuerKey: forge.pki.rsa.PrivateKey,
        extensions: object[],
      ) => {
        const cert = forge.pki.createCertificate();
        cert.publicKey = key.forgePublic;
        cert.serialNumber = '0a1b2c';
        cert.validity.notBefore = new Date('2020-01-01T00:00:00Z');
        cert.validity.notAfter = new Date('2049-01-01T00:00:00Z');
        cert.setSubject([
          { name: 'organizationName', value: 'Microsoft Test Signing' },
          { name: 'commonName', value: subjectCn },
        ]);
        cert.setIssuer(issuer.subject.attributes);
        cert.setExtensions(extensions);
        cert.sign(issuerKey, forge.md.sha256.create());
        return cert;
      };
      const intermediate = forge.pki.certificateFromPem(pki.intermediatePem);
      const notCaKey = forgeKey();
      const notCa = issue(
        'Signs but is no CA',
        notCaKey,
        intermediate,
        forge.pki.privateKeyFromPem(pki.intermediateKeyPem),
        [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', keyCertSign: true, digitalSignature: true },
        ],
      );
      const leafKey = forgeKey();
      const leaf = issue('Leaf under a non-CA', leafKey, notCa, notCaKey.forgePrivate, [
        { name: 'keyUsage', digitalSignature: true },
      ]);
      server.answers.set('/not-ca.pem', {
        file: [leaf, notCa, intermediate].map((c) => forge.pki.certificateToPem(c)).join(''),
      });
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, leafKey.privateKey, server.url('/not-ca.pem'))),
      );
      assert.equal(result.reason, 'chain-not-trusted');
      assert.equal(
        result.message,
        '"Signs but is no CA" issued "Leaf under a non-CA" but is not a certificate authority',
      );
    });

    it('refuses a certificate whose issuer does not name Microsoft, and takes another expected issuer when told', async () => {
      const result = refusal(await deliverySignedBy(wrongIssuer, '/contoso.pem'));
      assert.equal(result.reason, 'wrong-issuer');
      assert.match(
        result.message,
        /issuer \(C=US, O=Contoso Signing, CN=Contoso Signing CA\) does not name "Microsoft"/,
      );
      assert.deepEqual(await deliverySignedBy(wrongIssuer, '/contoso.pem', { issuerMustContain: 'Contoso' }), {
        ok: true,
      });
    });
  });

  describe('downloading the certificate', () => {
    it('says so when the server answers 404', async () => {
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/gone.cer'))),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(
        result.message,
        /could not be downloaded from http:\/\/127\.0\.0\.1:\d+\/gone\.cer: the certificate server answered 404/,
      );
    });

    it('says so when the server closes the connection', async () => {
      server.answers.set('/closes.cer', 'close');
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/closes.cer'))),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(result.message, /could not be reached: socket hang up/);
    });

    it('says so when nothing listens', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, `http://127.0.0.1:${port}/c.cer`)),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(result.message, /ECONNREFUSED/);
    });

    it('refuses a file larger than the limit', async () => {
      server.answers.set('/huge.pem', { file: Buffer.alloc(70 * 1024, 'A') });
      const result = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/huge.pem'))),
      );
      assert.equal(result.reason, 'download-failed');
      assert.match(result.message, /larger than 65536 bytes/);
      const small = refusal(
        await verifier({ maxCertificateBytes: 1000 }).verify(
          BODY,
          signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem')),
        ),
      );
      assert.match(small.message, /larger than 1000 bytes/);
    });

    it('refuses a file that holds no certificate, or a broken PEM block', async () => {
      server.answers.set('/garbage.cer', { file: Buffer.from('this is not a certificate') });
      const garbage = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/garbage.cer'))),
      );
      assert.equal(garbage.reason, 'certificate-unreadable');
      assert.match(garbage.message, /neither PEM certificates nor a DER certificate/);
      server.answers.set('/broken.pem', {
        file: `${pki.leafPem}-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`,
      });
      const broken = refusal(
        await verifier().verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/broken.pem'))),
      );
      assert.equal(broken.reason, 'certificate-unreadable');
      assert.match(broken.message, /certificate 2 of the PEM file is not readable/);
    });
  });

  describe('caching downloads', () => {
    const headersFor = (path: string) => signedHeaders(BODY, pki.privateKey, server.url(path));

    it('downloads once for two deliveries, and once for a burst of concurrent ones', async () => {
      const v = verifier();
      assert.deepEqual(await v.verify(BODY, headersFor('/bundle.pem')), { ok: true });
      assert.deepEqual(await v.verify(BODY, headersFor('/bundle.pem')), { ok: true });
      assert.equal(server.downloadsOf('/bundle.pem'), 1);
      const burst = await Promise.all(Array.from({ length: 5 }, () => v.verify(BODY, headersFor('/leaf.pem'))));
      assert.equal(server.downloadsOf('/leaf.pem'), 1);
      assert.equal(
        burst.every((result) => !result.ok && result.reason === 'chain-not-trusted'),
        true,
        'every delivery of the burst got the answer',
      );
    });

    it('downloads again once the cached file is older than the cache time', async () => {
      const v = verifier({ cacheTtlMs: 10 * 60_000 });
      await v.verify(BODY, headersFor('/bundle.pem'));
      now = NOW.plus({ minutes: 9 });
      await v.verify(BODY, headersFor('/bundle.pem'));
      assert.equal(server.downloadsOf('/bundle.pem'), 1);
      now = NOW.plus({ minutes: 10 });
      assert.deepEqual(await v.verify(BODY, headersFor('/bundle.pem')), { ok: true });
      assert.equal(server.downloadsOf('/bundle.pem'), 2);
    });

    it('does not remember a failed download', async () => {
      const v = verifier();
      server.answers.set('/later.pem', { status: 503 });
      assert.equal(refusal(await v.verify(BODY, headersFor('/later.pem'))).reason, 'download-failed');
      server.answers.set('/later.pem', { file: pki.bundlePem });
      assert.deepEqual(await v.verify(BODY, headersFor('/later.pem')), { ok: true });
      assert.equal(server.downloadsOf('/later.pem'), 2);
    });

    it('holds a bounded number of certificate URLs, dropping the oldest', async () => {
      const v = verifier({ cacheMaxEntries: 2 });
      for (const path of ['/a.pem', '/b.pem', '/c.pem']) server.answers.set(path, { file: pki.bundlePem });
      for (const path of ['/a.pem', '/b.pem', '/c.pem', '/c.pem', '/b.pem', '/a.pem'])
        await v.verify(BODY, headersFor(path));
      assert.deepEqual(
        ['/a.pem', '/b.pem', '/c.pem'].map((path) => server.downloadsOf(path)),
        [2, 1, 1],
      );
    });

    it('downloads a renewed certificate behind the same URL once the cached one stops matching', async () => {
      const renewed = issueLeaf(pki);
      const v = verifier();
      server.answers.set('/rotating.pem', { file: pki.bundlePem });
      assert.deepEqual(await v.verify(BODY, headersFor('/rotating.pem')), { ok: true });
      server.answers.set('/rotating.pem', { file: renewed.bundlePem });
      const signedByRenewed = signedHeaders(BODY, renewed.privateKey, server.url('/rotating.pem'));

      now = NOW.plus({ seconds: 30 });
      assert.equal(refusal(await v.verify(BODY, signedByRenewed)).reason, 'signature-mismatch');
      assert.equal(
        server.downloadsOf('/rotating.pem'),
        1,
        'a mismatch soon after the download does not download again',
      );

      now = NOW.plus({ minutes: 2 });
      assert.deepEqual(await v.verify(BODY, signedByRenewed), { ok: true });
      assert.equal(server.downloadsOf('/rotating.pem'), 2);
      assert.deepEqual(await v.verify(BODY, signedByRenewed), { ok: true });
      assert.equal(server.downloadsOf('/rotating.pem'), 2, 'the renewed certificate is cached in turn');
    });

    it('shares one new download among a burst of deliveries signed with the renewed certificate', async () => {
      const renewed = issueLeaf(pki);
      const v = verifier();
      server.answers.set('/burst.pem', { file: pki.bundlePem });
      await v.verify(BODY, headersFor('/burst.pem'));
      server.answers.set('/burst.pem', { file: renewed.bundlePem });
      now = NOW.plus({ minutes: 2 });
      const burst = await Promise.all(
        Array.from({ length: 5 }, () =>
          v.verify(BODY, signedHeaders(BODY, renewed.privateKey, server.url('/burst.pem'))),
        ),
      );
      assert.deepEqual(
        burst,
        Array.from({ length: 5 }, () => ({ ok: true })),
      );
      assert.equal(server.downloadsOf('/burst.pem'), 2);
    });

    it('downloads again when the cached certificate has expired, in case it was renewed', async () => {
      server.answers.set('/renewing.pem', { file: only2026.bundlePem });
      const v = verifier({ cacheTtlMs: 24 * 60 * 60_000 });
      now = at('2026-12-31T23:00:00Z');
      assert.deepEqual(await v.verify(BODY, signedHeaders(BODY, only2026.privateKey, server.url('/renewing.pem'))), {
        ok: true,
      });
      server.answers.set('/renewing.pem', { file: pki.bundlePem });
      now = at('2027-01-01T00:30:00Z');
      assert.deepEqual(await v.verify(BODY, headersFor('/renewing.pem')), { ok: true });
      assert.equal(server.downloadsOf('/renewing.pem'), 2);
    });
  });

  describe('settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-anchors-'));

    it("trusts Node's bundled root certificates when no file is named", () => {
      assert.equal(loadTrustAnchors('').length, rootCertificates.length);
    });

    it('reads every certificate of a PEM file', () => {
      const file = join(dir, 'anchors.pem');
      writeFileSync(file, `${pki.rootPem}\n${pki.intermediatePem}`);
      assert.deepEqual(
        loadTrustAnchors(file).map((anchor) => anchor.fingerprint256),
        [pki.root.fingerprint256, pki.intermediate.fingerprint256],
      );
    });

    it('stops start-up naming PARTNER_CENTER_TRUST_ANCHORS for an unreadable file, a file without PEM, or a broken certificate', () => {
      const notPem = join(dir, 'anchors.der');
      writeFileSync(notPem, pki.leafDer);
      const broken = join(dir, 'broken.pem');
      writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
      const cases: [string, RegExp][] = [
        [join(dir, 'missing.pem'), /PARTNER_CENTER_TRUST_ANCHORS: cannot read .*missing\.pem/],
        [notPem, /PARTNER_CENTER_TRUST_ANCHORS: .*anchors\.der holds no PEM certificate/],
        [broken, /PARTNER_CENTER_TRUST_ANCHORS: certificate 1 of .*broken\.pem is not readable/],
      ];
      for (const [file, message] of cases) {
        assert.throws(
          () => loadTrustAnchors(file),
          (error: Error) => {
            assert.ok(error instanceof ConfigError);
            assert.match(error.message, message);
            return true;
          },
        );
      }
    });

    it('builds the verifier the settings describe', async () => {
      const file = join(dir, 'root.pem');
      writeFileSync(file, pki.rootPem);
      const config = loadConfig({
        PARTNER_CENTER_CERTIFICATE_HOSTS: 'localhost',
        PARTNER_CENTER_TRUST_ANCHORS: file,
        PARTNER_CENTER_CERTIFICATE_ISSUER: 'Test Signing',
      });
      const v = webhookVerifierFrom(config, { allowInsecureHttp: true, clock: () => now });
      assert.deepEqual(
        await v.verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem', 'localhost'))),
        { ok: true },
      );
      const elsewhere = refusal(await v.verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem'))));
      assert.equal(elsewhere.reason, 'certificate-url-not-allowed');
      const strict = webhookVerifierFrom(
        loadConfig({
          PARTNER_CENTER_CERTIFICATE_HOSTS: 'localhost',
          PARTNER_CENTER_TRUST_ANCHORS: file,
          PARTNER_CENTER_CERTIFICATE_ISSUER: 'Fabrikam',
        }),
        {
          allowInsecureHttp: true,
          clock: () => now,
        },
      );
      assert.equal(
        refusal(await strict.verify(BODY, signedHeaders(BODY, pki.privateKey, server.url('/bundle.pem', 'localhost'))))
          .reason,
        'wrong-issuer',
      );
    });
  });
});
