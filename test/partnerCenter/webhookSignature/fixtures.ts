import assert from 'node:assert/strict';
import { sign, type KeyObject } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  WebhookVerifier,
  type WebhookHeaders,
  type WebhookRefusalReason,
  type WebhookVerification,
  type WebhookVerifierOptions,
} from '../../../bot/partnerCenter/webhookSignature';
import {
  expiredLeaf,
  issueLeaf,
  sharedTestPki,
  untrustedLeaf,
  type SigningCertificate,
  type TestPki,
} from '../../../tools/partnerCenterSimulator/certificates';
import { CertificateServer } from '../../support/certificateServer';

/** When the verifiers check certificates, unless a test moves its clock. */
export const NOW = DateTime.fromISO('2026-06-01T12:00:00Z', { zone: 'utc' });
export const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** A referral-updated delivery, as the bytes Partner Center signs. */
export const BODY = Buffer.from(
  JSON.stringify({
    EventName: 'referral-updated',
    ResourceUri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42',
    ResourceName: 'referral',
    AuditUri: null,
    ResourceChangeUtcDate: '2026-06-01T11:59:58.1234567+00:00',
  }),
  'utf8',
);

export const signatureOf = (body: Buffer, key: KeyObject) => sign('sha256', body, key).toString('base64');

/** The headers Partner Center sends, signed with `key`, naming `certificateUrl`. */
export function signedHeaders(body: Buffer, key: KeyObject, certificateUrl: string): WebhookHeaders {
  return {
    'content-type': 'application/json',
    authorization: `Signature ${signatureOf(body, key)}`,
    'x-ms-certificate-url': certificateUrl,
    'x-ms-signature-algorithm': 'rsa-sha256',
  };
}

/** Why the delivery was refused; fails the test if it passed. */
export function refusal(result: WebhookVerification): { reason: WebhookRefusalReason; message: string } {
  if (result.ok) assert.fail('expected the delivery to be refused');
  return result;
}

/** The test authority, and the leaves tests sign with: another issuer, expired, valid in 2026 alone, untrusted. */
export interface SigningCertificates {
  pki: TestPki;
  wrongIssuer: SigningCertificate;
  expired: SigningCertificate;
  only2026: SigningCertificate;
  untrusted: SigningCertificate;
}

let made: SigningCertificates | undefined;

/**
 * Made on the first call, from a suite's before hook (issuing leaves generates keys: too slow for loading a file),
 * then shared by every suite of the run: certificates do not change.
 */
function signingCertificates(): SigningCertificates {
  if (made) return made;
  const pki = sharedTestPki();
  made = {
    pki,
    wrongIssuer: issueLeaf(pki, { issuerOrganization: 'Contoso Signing' }),
    expired: expiredLeaf(pki),
    only2026: issueLeaf(pki, {
      validity: { validFrom: at('2026-01-01T00:00:00Z'), validTo: at('2026-12-31T23:59:59Z') },
    }),
    untrusted: untrustedLeaf(),
  };
  return made;
}

/** Before each test: forgets the requests so far, and serves the test authority's certificate as bundle, DER, PEM. */
function serveGenuineCertificates(server: CertificateServer, pki: TestPki): void {
  server.requests.length = 0;
  server.answers.clear();
  server.answers.set('/bundle.pem', { file: pki.bundlePem });
  server.answers.set('/leaf.cer', { file: pki.leafDer, contentType: 'application/pkix-cert' });
  server.answers.set('/leaf.pem', { file: pki.leafPem });
}

/** A verifier that takes certificates from the local server over http, trusting the test root, at `clock`. */
function testVerifier(
  pki: TestPki,
  clock: () => DateTime,
  options: Partial<WebhookVerifierOptions> = {},
): WebhookVerifier {
  return new WebhookVerifier({
    allowedHosts: ['127.0.0.1'],
    allowInsecureHttp: true,
    trustAnchors: [pki.root],
    clock,
    ...options,
  });
}

/** What a webhook signature suite works with; `useCertificateServer` registers the hooks that keep it ready. */
export interface SignatureBench {
  /** Serves the test authority's certificates (see `serveGenuineCertificates`) and records the requests. */
  server: CertificateServer;
  /** The test authority and its leaves; only after the suite's before hook. */
  certificates: () => SigningCertificates;
  /** The verifiers' clock: NOW at the start of every test. */
  now: () => DateTime;
  /** Moves the verifiers' clock for the rest of the test. */
  setNow: (next: DateTime) => void;
  /** A verifier against the local server, at the test's clock. */
  verifier: (options?: Partial<WebhookVerifierOptions>) => WebhookVerifier;
}

/**
 * Registers the hooks of a webhook signature suite: the certificate server starts before it and stops after, and each
 * test starts at NOW with the genuine certificates served and no requests recorded.
 */
export function useCertificateServer(): SignatureBench {
  const server = new CertificateServer();
  let now: DateTime = NOW;
  before(async () => {
    signingCertificates();
    await server.start();
  });
  after(() => server.stop());
  beforeEach(() => {
    now = NOW;
    serveGenuineCertificates(server, signingCertificates().pki);
  });
  return {
    server,
    certificates: signingCertificates,
    now: () => now,
    setNow: (next) => {
      now = next;
    },
    verifier: (options = {}) => testVerifier(signingCertificates().pki, () => now, options),
  };
}
