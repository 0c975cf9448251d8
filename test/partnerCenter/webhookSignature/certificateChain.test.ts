import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import type { WebhookVerifierOptions } from '../../../bot/partnerCenter/webhookSignature';
import { issueLeaf, type SigningCertificate } from '../../../tools/partnerCenterSimulator/certificates';
import { at, BODY, refusal, signedHeaders, useCertificateServer } from './fixtures';

describe('Partner Center webhook signatures', () => {
  const { server, certificates, setNow, verifier } = useCertificateServer();

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
      const { untrusted } = certificates();
      const result = refusal(await deliverySignedBy(untrusted, '/untrusted.pem'));
      assert.equal(result.reason, 'chain-not-trusted');
      assert.match(
        result.message,
        /"Microsoft Test Signing CA" is issued by "Untrusted Test Root CA", which is neither a trust anchor nor among the downloaded certificates/,
      );
    });

    it('refuses a lone certificate whose intermediate neither came with it nor is trusted', async () => {
      const { pki } = certificates();
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
      const { pki } = certificates();
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
      const { expired } = certificates();
      const result = refusal(await deliverySignedBy(expired, '/expired.pem'));
      assert.equal(result.reason, 'certificate-expired');
      assert.equal(result.message, 'the signing certificate expired on 2019-12-31T23:59:59.000Z');
    });

    it('checks validity at the injected clock: valid during 2026, expired after, not yet valid before', async () => {
      const { only2026 } = certificates();
      server.answers.set('/2026.pem', { file: only2026.bundlePem });
      const headers = signedHeaders(BODY, only2026.privateKey, server.url('/2026.pem'));
      const v = verifier({ cacheTtlMs: 0 });
      assert.deepEqual(await v.verify(BODY, headers), { ok: true });
      setNow(at('2027-03-01T00:00:00Z'));
      assert.equal(refusal(await v.verify(BODY, headers)).reason, 'certificate-expired');
      setNow(at('2025-06-01T00:00:00Z'));
      const early = refusal(await v.verify(BODY, headers));
      assert.equal(early.reason, 'certificate-not-yet-valid');
      assert.equal(early.message, 'the signing certificate is not valid before 2026-01-01T00:00:00.000Z');
    });

    it('refuses a certificate once the intermediate in its chain has expired', async () => {
      const { pki } = certificates();
      // The test authority's CAs are valid through 2049; a leaf issued until 2060 outlives them.
      const outliving = issueLeaf(pki, {
        validity: { validFrom: at('2026-01-01T00:00:00Z'), validTo: at('2060-01-01T00:00:00Z') },
      });
      setNow(at('2055-01-01T00:00:00Z'));
      const result = refusal(await deliverySignedBy(outliving, '/outliving.pem'));
      assert.equal(result.reason, 'certificate-expired');
      assert.equal(result.message, '"Microsoft Test Signing CA" in its chain expired on 2049-12-31T23:59:59.000Z');
    });

    it('refuses a chain through a certificate that may sign certificates but is not a CA', async () => {
      const { pki } = certificates();
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
      const { wrongIssuer } = certificates();
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
});
