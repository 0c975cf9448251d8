import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { ConfigError, loadConfig } from '../../../bot/config/config';
import { loadTrustAnchors } from '../../../bot/config/trustAnchors';
import { webhookVerifierFrom } from '../../../bot/partnerCenter/webhookSignature';
import { BODY, refusal, signedHeaders, useCertificateServer } from './fixtures';

describe('Partner Center webhook signatures', () => {
  const { server, certificates, now } = useCertificateServer();

  describe('settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-anchors-'));

    it("trusts Node's bundled root certificates when no file is named", () => {
      assert.equal(loadTrustAnchors('').length, rootCertificates.length);
    });

    it('reads every certificate of a PEM file', () => {
      const { pki } = certificates();
      const file = join(dir, 'anchors.pem');
      writeFileSync(file, `${pki.rootPem}\n${pki.intermediatePem}`);
      assert.deepEqual(
        loadTrustAnchors(file).map((anchor) => anchor.fingerprint256),
        [pki.root.fingerprint256, pki.intermediate.fingerprint256],
      );
    });

    it('stops start-up naming PARTNER_CENTER_TRUST_ANCHORS for an unreadable file, a file without PEM, or a broken certificate', () => {
      const { pki } = certificates();
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
      const { pki } = certificates();
      const file = join(dir, 'root.pem');
      writeFileSync(file, pki.rootPem);
      const config = loadConfig({
        PARTNER_CENTER_CERTIFICATE_HOSTS: 'localhost',
        PARTNER_CENTER_TRUST_ANCHORS: file,
        PARTNER_CENTER_CERTIFICATE_ISSUER: 'Test Signing',
      });
      const v = webhookVerifierFrom(config, { allowInsecureHttp: true, clock: now });
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
          clock: now,
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
