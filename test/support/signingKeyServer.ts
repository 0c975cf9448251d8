import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rs256Token } from './jwt';

/** How the server answers: its keys, HTML instead of metadata, 500s, or metadata naming a key set without keys. */
export type SigningKeyServerMode = 'serving' | 'garbage' | 'failing' | 'keysGarbage';

/**
 * A local stand-in for the Bot Framework's token signing: OpenID metadata naming a JSON Web
 * Key Set that holds one freshly generated RSA key (endorsed for msteams), and tokens signed
 * with it. Every request it receives is recorded.
 */
export class SigningKeyServer {
  readonly kid = 'local-signing-key';
  readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  mode: SigningKeyServerMode = 'serving';
  /** `<method> <path>` of every request received. */
  readonly requests: string[] = [];
  private server: Server | undefined;
  private url = '';

  constructor() {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
  }

  get openIdMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(`${req.method} ${req.url}`);
      const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      const json = (status: number, body: unknown) => send(status, 'application/json', JSON.stringify(body));
      if (this.mode === 'failing') return void json(500, { error: 'unavailable' });
      if (req.url === '/v1/.well-known/openidconfiguration') {
        if (this.mode === 'garbage') return void send(200, 'text/html', '<html>maintenance</html>');
        const jwksUri = `${this.url}/v1/.well-known/keys`;
        return void json(200, {
          issuer: 'https://api.botframework.com',
          jwks_uri: jwksUri,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (req.url === '/v1/.well-known/keys') {
        if (this.mode === 'keysGarbage') return void json(200, { keys: 'none' });
        const { n, e } = this.publicKey.export({ format: 'jwk' });
        return void json(200, { keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n, e, endorsements: ['msteams'] }] });
      }
      json(404, { error: 'not found' });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** A token with `claims`, signed by the published key (or by `signWith`, under the published key's id). */
  token(claims: Record<string, unknown>, signWith: KeyObject = this.privateKey): string {
    return rs256Token({ kid: this.kid }, claims, signWith);
  }
}
