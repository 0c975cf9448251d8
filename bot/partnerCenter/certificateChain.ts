import { X509Certificate } from 'node:crypto';
import type { DateTime } from 'luxon';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The PEM certificate blocks in `text`, in order (empty when there are none). */
export function pemBlocks(text: string): string[] {
  return text.match(PEM_BLOCK) ?? [];
}

/** A downloaded certificate file could not be read. */
export class CertificateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateFileError';
  }
}

/**
 * The certificates of a downloaded certificate file, the signing (leaf) certificate first.
 *
 * Which encoding Partner Center serves is unconfirmed: the file is named `.cer`, which
 * is usually DER, and the documented sample receiver loads the bytes with .NET's
 * `new X509Certificate2(bytes)`, which takes DER and PEM alike. So both are read: a PEM file
 * (one certificate, or a bundle of the leaf followed by its intermediates), or else one
 * DER certificate.
 */
export function readCertificates(file: Buffer): X509Certificate[] {
  const blocks = pemBlocks(file.toString('latin1'));
  if (blocks.length > 0) {
    return blocks.map((block, index) => {
      try {
        return new X509Certificate(block);
      } catch (error) {
        throw new CertificateFileError(
          `certificate ${index + 1} of the PEM file is not readable: ${(error as Error).message}`,
        );
      }
    });
  }
  try {
    return [new X509Certificate(file)];
  } catch (error) {
    throw new CertificateFileError(
      `the file is neither PEM certificates nor a DER certificate (${(error as Error).message})`,
    );
  }
}

/** Why a signing certificate is not accepted. */
export interface ChainRefusal {
  reason: 'chain-not-trusted' | 'certificate-expired' | 'certificate-not-yet-valid' | 'wrong-issuer';
  message: string;
}

/** What {@link checkSigningChain} holds a downloaded chain against. */
export interface ChainPolicy {
  trustAnchors: readonly X509Certificate[];
  /** Must occur in the organisation (O) or common name (CN) of the leaf's issuer. */
  issuerMustContain: string;
  now: DateTime;
}

/** Longest chain followed from the leaf to a trust anchor. */
const MAX_CHAIN_LENGTH = 8;

/** The `KEY=value` fields of a distinguished name as node:crypto prints it (one per line). */
function nameFields(name: string, key: string): string[] {
  return name
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1));
}

function describe(certificate: X509Certificate): string {
  const [cn] = nameFields(certificate.subject, 'CN');
  return cn ? `"${cn}"` : `the certificate with subject "${certificate.subject.replace(/\n/g, ', ')}"`;
}

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/**
 * Checks the signing certificate (`certificates[0]`) the way the receiver must: its chain,
 * through the intermediates that came with it, ends in one of the trust anchors (each link
 * issued and signed by the next, every intermediate a CA); every certificate of the chain is
 * valid at `now`; and its issuer names the expected organisation. Trust is checked first,
 * then validity, then the issuer. Undefined when all hold. Pure.
 */
export function checkSigningChain(
  certificates: readonly X509Certificate[],
  policy: ChainPolicy,
): ChainRefusal | undefined {
  const [leaf, ...intermediates] = certificates;
  if (!leaf) return { reason: 'chain-not-trusted', message: 'the certificate file holds no certificate' };
  const chain: X509Certificate[] = [leaf];
  for (;;) {
    const current = chain[chain.length - 1];
    // A trust anchor may be an intermediate, or even the signing certificate itself (pinned).
    if (policy.trustAnchors.some((anchor) => anchor.fingerprint256 === current.fingerprint256)) break;
    const anchor = policy.trustAnchors.find((candidate) => issuedBy(current, candidate));
    if (anchor) {
      chain.push(anchor);
      break;
    }
    const [issuerCn] = nameFields(current.issuer, 'CN');
    const next = intermediates.find((candidate) => !chain.includes(candidate) && issuedBy(current, candidate));
    if (!next) {
      return {
        reason: 'chain-not-trusted',
        message: `${describe(current)} is issued by "${issuerCn ?? current.issuer.replace(/\n/g, ', ')}", which is neither a trust anchor nor among the downloaded certificates`,
      };
    }
    if (!next.ca)
      return {
        reason: 'chain-not-trusted',
        message: `${describe(next)} issued ${describe(current)} but is not a certificate authority`,
      };
    if (chain.length >= MAX_CHAIN_LENGTH)
      return { reason: 'chain-not-trusted', message: `the chain is longer than ${MAX_CHAIN_LENGTH} certificates` };
    chain.push(next);
  }

  const now = policy.now.toMillis();
  for (const certificate of chain) {
    const from = Date.parse(certificate.validFrom);
    const to = Date.parse(certificate.validTo);
    const which = certificate === leaf ? 'the signing certificate' : `${describe(certificate)} in its chain`;
    if (Number.isNaN(from) || Number.isNaN(to))
      return { reason: 'chain-not-trusted', message: `the validity of ${which} is not readable` };
    if (!(now <= to))
      return { reason: 'certificate-expired', message: `${which} expired on ${new Date(to).toISOString()}` };
    if (!(now >= from))
      return {
        reason: 'certificate-not-yet-valid',
        message: `${which} is not valid before ${new Date(from).toISOString()}`,
      };
  }

  const issuerNames = [...nameFields(leaf.issuer, 'O'), ...nameFields(leaf.issuer, 'CN')];
  if (!issuerNames.some((value) => value.includes(policy.issuerMustContain))) {
    return {
      reason: 'wrong-issuer',
      message: `the signing certificate's issuer (${leaf.issuer.replace(/\n/g, ', ')}) does not name "${policy.issuerMustContain}" in its organisation or common name`,
    };
  }
  return undefined;
}
