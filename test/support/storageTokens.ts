import type { AccessToken, TokenCredential } from '@azure/identity';

/** The claims of a token Azure Storage accepts (what Azurite's basic check reads). */
export interface StorageTokenClaims {
  aud: string;
  iss: string;
}

/** A token for Azure Storage issued by Entra ID (version 1 issuer) to a managed identity. */
export const STORAGE_TOKEN_CLAIMS: StorageTokenClaims = {
  aud: 'https://storage.azure.com',
  iss: 'https://sts.windows.net/00000000-0000-0000-0000-0000000000aa/',
};

const part = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

/**
 * Hands out unsigned JWTs with the claims given, valid for an hour, as a managed identity's
 * token looks to Azurite (which does not check signatures); or, once `failure` is set, fails
 * as DefaultAzureCredential does on a host without an identity. Azurite compares the token's
 * lifetime with the wall clock, so the token is stamped with it. With `askEveryTime` the
 * client is told each token expires at once, so it asks again before every call.
 */
export class StorageTokenCredential implements TokenCredential {
  /** The scopes of every request for a token. */
  readonly requestedScopes: string[][] = [];
  /** When set, every request for a token fails with this message. */
  failure: string | undefined;

  constructor(
    private readonly claims: StorageTokenClaims = STORAGE_TOKEN_CLAIMS,
    private readonly options: { askEveryTime?: boolean } = {},
  ) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.requestedScopes.push(Array.isArray(scopes) ? scopes : [scopes]);
    if (this.failure !== undefined) throw new Error(this.failure);
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + 3600;
    const oid = '00000000-0000-0000-0000-0000000000bb';
    const claims = { ...this.claims, iat: issuedAt, nbf: issuedAt - 60, exp: expiresAt, oid };
    const token = `${part({ typ: 'JWT', alg: 'none' })}.${part(claims)}.`;
    return { token, expiresOnTimestamp: this.options.askEveryTime ? Date.now() : expiresAt * 1000 };
  }
}
