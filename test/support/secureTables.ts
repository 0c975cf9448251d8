import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedTables } from '../../bot/store/embeddedAzurite';
import type { TableTlsOptions } from '../../bot/store/tables';
import { selfSignedServerCertificate, type ServerCertificate } from './tlsCertificate';

/** A table server over https that accepts bearer tokens, and what a client needs to trust it. */
export interface SecureTables {
  /** The development account's Table endpoint (https, path-style), for TABLES_ACCOUNT_URL. */
  accountUrl: string;
  /** The same account with its key, for reading what the desk stored. */
  connectionString: string;
  /** Trusts this server's self-signed certificate, and no other. */
  tls: TableTlsOptions;
  stop(): Promise<void>;
}

/** An in-memory Azurite table server over https with a fresh self-signed certificate, checking tokens (basic). */
export async function startSecureTables(): Promise<SecureTables> {
  const certificate = selfSignedServerCertificate();
  const dir = mkdtempSync(join(tmpdir(), 'referral-desk-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  writeFileSync(certFile, certificate.certPem);
  writeFileSync(keyFile, certificate.keyPem);
  try {
    const tables = await startEmbeddedTables({ https: { certFile, keyFile } });
    return {
      accountUrl: tables.accountUrl,
      connectionString: tables.connectionString,
      tls: { ca: certificate.certPem },
      async stop() {
        await tables.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * An https table service that refuses every call as Azure refuses a valid token of an
 * identity without a data role: 403 AuthorizationPermissionMismatch, its JSON error body.
 */
export class RoleMissingTableService {
  readonly requests: IncomingMessage[] = [];
  readonly certificate: ServerCertificate = selfSignedServerCertificate();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer({ cert: this.certificate.certPem, key: this.certificate.keyPem }, (req, res) => {
      this.requests.push(req);
      const value = 'This request is not authorized to perform this operation using this permission.';
      res.writeHead(403, {
        'content-type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
        'x-ms-error-code': 'AuthorizationPermissionMismatch',
      });
      const error = { code: 'AuthorizationPermissionMismatch', message: { lang: 'en-US', value } };
      res.end(JSON.stringify({ 'odata.error': error }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}/devstoreaccount1`;
    return this;
  }

  get tls(): TableTlsOptions {
    return { ca: this.certificate.certPem };
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
