import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { DateTime } from 'luxon';
import forge from 'node-forge';
import { certificate, intermediateSubject, type Issuer, type Validity } from './certificateBuilder';
import { newKeyPair, newKeyPairInBackground, pkcs1Pem, type KeyPair } from './signingKeys';

/**
 * A certificate that signs webhook deliveries, with its private key: what the simulator
 * needs to sign like Partner Center, and what a receiver downloads to check the signature.
 */
export interface SigningCertificate {
  leaf: X509Certificate;
  leafPem: string;
  /** The leaf alone in DER, as a `.cer` file may hold it. */
  leafDer: Buffer;
  /** The leaf followed by the intermediate CA that issued it, PEM. */
  bundlePem: string;
  /** The intermediate CA that issued the leaf. */
  intermediate: X509Certificate;
  intermediatePem: string;
  privateKey: KeyObject;
}

/**
 * A throw-away certificate authority for tests and local runs: a root CA (the receiver's
 * trust anchor), an intermediate CA, and a leaf signing certificate issued by the
 * intermediate. Nothing here is trusted anywhere but where a test says so.
 */
export interface TestPki extends SigningCertificate {
  root: X509Certificate;
  rootPem: string;
  /** The organisation in the intermediate's subject, hence in the leaf's issuer. */
  issuerOrganization: string;
  /** The CAs' private keys (PKCS#1 PEM), so that more leaves can be issued with {@link issueLeaf}. */
  rootKeyPem: string;
  intermediateKeyPem: string;
}

export type { Validity } from './certificateBuilder';

/** How {@link createTestPki} shapes its certificates; each has a default. */
export interface TestPkiOptions {
  /** Named in the leaf's issuer; the default contains "Microsoft" so that the receiver's default issuer check passes. */
  issuerOrganization?: string;
  /** The root CA's common name, to tell several test authorities apart. */
  rootName?: string;
  /** The leaf's validity; the CAs are valid from 2020 through 2049 whatever this is. */
  leafValidity?: Validity;
}

/** Organisation of the default test intermediate CA. */
export const DEFAULT_TEST_ISSUER = 'Microsoft Test Signing';

const CA_VALIDITY: Validity = {
  validFrom: DateTime.fromISO('2020-01-01T00:00:00Z', { zone: 'utc' }),
  validTo: DateTime.fromISO('2049-12-31T23:59:59Z', { zone: 'utc' }),
};

/** A leaf valid long ago only: 2018 through 2019. */
export const EXPIRED_VALIDITY: Validity = {
  validFrom: DateTime.fromISO('2018-01-01T00:00:00Z', { zone: 'utc' }),
  validTo: DateTime.fromISO('2019-12-31T23:59:59Z', { zone: 'utc' }),
};

function issueSigning(
  intermediate: Issuer,
  intermediatePem: string,
  organization: string,
  validity: Validity,
  keys: KeyPair = newKeyPair(),
): SigningCertificate {
  const leafSubject: forge.pki.CertificateField[] = [
    { name: 'countryName', value: 'US' },
    { name: 'organizationName', value: organization },
    { name: 'commonName', value: 'pcnotifications-dispatch.simulator.test' },
  ];
  const leafPem = forge.pki.certificateToPem(
    certificate('leaf', leafSubject, keys.forgePublic, validity, intermediate),
  );
  const leaf = new X509Certificate(leafPem);
  return {
    leaf,
    leafPem,
    leafDer: leaf.raw,
    bundlePem: `${leafPem}${intermediatePem}`,
    intermediate: new X509Certificate(intermediatePem),
    intermediatePem,
    privateKey: keys.privateKey,
  };
}

/** A new root, intermediate and leaf (three fresh RSA-2048 keys: a few tenths of a second). */
export function createTestPki(options: TestPkiOptions = {}): TestPki {
  return pkiFrom([newKeyPair(), newKeyPair(), newKeyPair()], options);
}

/** {@link createTestPki} with its three keys made at once off the main thread: a local start waits about half as long. */
export async function createTestPkiInBackground(options: TestPkiOptions = {}): Promise<TestPki> {
  return pkiFrom(
    await Promise.all([newKeyPairInBackground(), newKeyPairInBackground(), newKeyPairInBackground()]),
    options,
  );
}

function pkiFrom([rootKeys, intermediateKeys, leafKeys]: KeyPair[], options: TestPkiOptions): TestPki {
  const organization = options.issuerOrganization ?? DEFAULT_TEST_ISSUER;
  const rootSubject: forge.pki.CertificateField[] = [
    { name: 'countryName', value: 'US' },
    { name: 'organizationName', value: 'Referral Desk Test Authority' },
    { name: 'commonName', value: options.rootName ?? 'Referral Desk Test Root CA' },
  ];
  const rootCert = certificate('root', rootSubject, rootKeys.forgePublic, CA_VALIDITY, 'self', rootKeys.privateKey);
  const intermediateCert = certificate(
    'intermediate',
    intermediateSubject(organization),
    intermediateKeys.forgePublic,
    CA_VALIDITY,
    {
      certificate: rootCert,
      key: rootKeys.privateKey,
    },
  );
  const rootPem = forge.pki.certificateToPem(rootCert);
  const intermediatePem = forge.pki.certificateToPem(intermediateCert);
  const intermediate = { certificate: intermediateCert, key: intermediateKeys.privateKey };
  const signing = issueSigning(
    intermediate,
    intermediatePem,
    organization,
    options.leafValidity ?? CA_VALIDITY,
    leafKeys,
  );
  return {
    ...signing,
    root: new X509Certificate(rootPem),
    rootPem,
    issuerOrganization: organization,
    rootKeyPem: pkcs1Pem(rootKeys.privateKey),
    intermediateKeyPem: pkcs1Pem(intermediateKeys.privateKey),
  };
}

/** What {@link issueLeaf} changes about the new leaf. */
export interface LeafOptions {
  validity?: Validity;
  /**
   * Another organisation for the leaf's issuer: a second intermediate CA of that name is
   * made under the same root (so the chain is still trusted; only the issuer differs).
   */
  issuerOrganization?: string;
}

/** Another signing certificate from the same test authority, e.g. an expired one or one from another issuer. */
export function issueLeaf(pki: TestPki, options: LeafOptions = {}): SigningCertificate {
  const validity = options.validity ?? CA_VALIDITY;
  const organization = options.issuerOrganization ?? pki.issuerOrganization;
  if (organization === pki.issuerOrganization) {
    const intermediate = {
      certificate: forge.pki.certificateFromPem(pki.intermediatePem),
      key: createPrivateKey(pki.intermediateKeyPem),
    };
    return issueSigning(intermediate, pki.intermediatePem, organization, validity);
  }
  const keys = newKeyPair();
  const intermediateCert = certificate(
    'intermediate',
    intermediateSubject(organization),
    keys.forgePublic,
    CA_VALIDITY,
    {
      certificate: forge.pki.certificateFromPem(pki.rootPem),
      key: createPrivateKey(pki.rootKeyPem),
    },
  );
  return issueSigning(
    { certificate: intermediateCert, key: keys.privateKey },
    forge.pki.certificateToPem(intermediateCert),
    organization,
    validity,
  );
}

/** A leaf of `pki` that expired at the end of 2019. */
export function expiredLeaf(pki: TestPki): SigningCertificate {
  return issueLeaf(pki, { validity: EXPIRED_VALIDITY });
}

/** A leaf whose chain ends in a root no receiver trusts (a fresh authority of its own). */
export function untrustedLeaf(): SigningCertificate {
  return createTestPki({ rootName: 'Untrusted Test Root CA' });
}

let shared: TestPki | undefined;

/** One default test authority per process, so that a test run generates its keys once. */
export function sharedTestPki(): TestPki {
  shared ??= createTestPki();
  return shared;
}
