import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { pemBlocks } from '../partnerCenter/certificateChain';
import { ConfigError } from './config';

/**
 * The certificates a Partner Center webhook certificate must chain to: those of the PEM
 * file named by `PARTNER_CENTER_TRUST_ANCHORS`, or Node's bundled root certificates when it
 * is empty. A file may also hold intermediate CAs, which then count as trusted ends of the
 * chain (useful when the downloaded certificate comes without its intermediate). A file
 * that cannot be read, holds no PEM certificate or one that does not parse stops start-up.
 */
export function loadTrustAnchors(file: string): X509Certificate[] {
  if (!file) return rootCertificates.map((pem) => new X509Certificate(pem));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`PARTNER_CENTER_TRUST_ANCHORS: cannot read ${file}: ${(error as Error).message}`]);
  }
  const blocks = pemBlocks(text);
  if (blocks.length === 0)
    throw new ConfigError([
      `PARTNER_CENTER_TRUST_ANCHORS: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    ]);
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (error) {
      throw new ConfigError([
        `PARTNER_CENTER_TRUST_ANCHORS: certificate ${index + 1} of ${file} is not readable: ${(error as Error).message}`,
      ]);
    }
  });
}
