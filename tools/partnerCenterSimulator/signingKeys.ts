/**
 * RSA keys for the test authority, made by node:crypto, and a signer through which forge signs
 * certificates with them.
 */
import { constants, generateKeyPair, generateKeyPairSync, privateEncrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** A private key, with its public half as forge takes it into a certificate. */
export interface KeyPair {
  privateKey: KeyObject;
  forgePublic: forge.pki.rsa.PublicKey;
}

const RSA_2048 = { modulusLength: 2048 } as const;

const keyPairOf = (privateKey: KeyObject, publicKey: KeyObject): KeyPair => ({
  privateKey,
  forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string),
});

/** RSA-2048 keys from node:crypto (native): forge's pure-JavaScript generation takes seconds per key. */
export function newKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', RSA_2048);
  return keyPairOf(privateKey, publicKey);
}

/** The same, off the main thread, so that several are made at once and the caller's event loop goes on. */
export function newKeyPairInBackground(): Promise<KeyPair> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', RSA_2048, (error, publicKey, privateKey) =>
      error ? reject(error) : resolve(keyPairOf(privateKey, publicKey)),
    ),
  );
}

export const pkcs1Pem = (key: KeyObject) => key.export({ type: 'pkcs1', format: 'pem' }) as string;

// DER prefix of a PKCS#1 v1.5 DigestInfo for SHA-256 (RFC 8017, section 9.2, note 1).
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * Stands in for a forge private key when forge signs a certificate: forge hands over the
 * SHA-256 digest of the to-be-signed part, and node:crypto makes the RSA PKCS#1 v1.5
 * signature of it, some ten times faster than forge's own arithmetic.
 */
export function nativeSigner(key: KeyObject): forge.pki.rsa.PrivateKey {
  const signer = {
    sign: (md: forge.md.MessageDigest) =>
      privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
      ).toString('binary'),
  };
  return signer as unknown as forge.pki.rsa.PrivateKey;
}
