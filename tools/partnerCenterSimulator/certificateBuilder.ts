import { randomBytes, type KeyObject } from 'node:crypto';
import type { DateTime } from 'luxon';
import forge from 'node-forge';
import { nativeSigner } from './signingKeys';

/** The time a certificate is valid: from `validFrom` until `validTo`. */
export interface Validity {
  validFrom: DateTime;
  validTo: DateTime;
}

/** The CA that signs a certificate: its certificate (for the issuer name) and its private key. */
export interface Issuer {
  certificate: forge.pki.Certificate;
  key: KeyObject;
}

/** Which of the three certificates of a chain is made: each has its own constraints and key usage. */
type Kind = 'root' | 'intermediate' | 'leaf';

/** An X.509 certificate for `publicKey`, signed by `issuer` or, for a root, by `selfKey`. */
export function certificate(
  kind: Kind,
  subject: forge.pki.CertificateField[],
  publicKey: forge.pki.rsa.PublicKey,
  validity: Validity,
  issuer: Issuer | 'self',
  selfKey?: KeyObject,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial: the leading 0x01 keeps the DER integer's sign bit clear.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = validity.validFrom.toJSDate();
  cert.validity.notAfter = validity.validTo.toJSDate();
  cert.setSubject(subject);
  cert.setIssuer(issuer === 'self' ? subject : issuer.certificate.subject.attributes);
  const extensions: object[] = [
    kind === 'leaf'
      ? { name: 'basicConstraints', cA: false, critical: true }
      : {
          name: 'basicConstraints',
          cA: true,
          critical: true,
          ...(kind === 'intermediate' ? { pathLenConstraint: 0 } : {}),
        },
    kind === 'leaf'
      ? { name: 'keyUsage', digitalSignature: true, critical: true }
      : { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (issuer !== 'self') {
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: issuer.certificate.generateSubjectKeyIdentifier().getBytes(),
    });
  }
  cert.setExtensions(extensions);
  cert.sign(nativeSigner(issuer === 'self' ? selfKey! : issuer.key), forge.md.sha256.create());
  return cert;
}

/** The subject of an intermediate CA run by `organization`. */
export function intermediateSubject(organization: string): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'US' },
    { name: 'organizationName', value: organization },
    { name: 'commonName', value: `${organization} CA` },
  ];
}
