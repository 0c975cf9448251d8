import assert from 'node:assert/strict';
import { checkCertificateUrl, hostIsAllowed } from '../../../bot/partnerCenter/certificateUrl';
import { WebhookVerifier } from '../../../bot/partnerCenter/webhookSignature';
import { BODY, refusal, signedHeaders, useCertificateServer } from './fixtures';

describe('Partner Center webhook signatures', () => {
  const { server, certificates, verifier } = useCertificateServer();

  describe('where the certificate may come from', () => {
    it('refuses a host that is not allowed before making any request', async () => {
      const { pki } = certificates();
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
      const { pki } = certificates();
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
});
