import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers at one path: a file, a bare status, or a dropped connection. */
export type CertificateAnswer = { file: Buffer | string; contentType?: string } | { status: number } | 'close';

/**
 * A local stand-in for the host that publishes Partner Center's signing certificate: serves
 * files by path on 127.0.0.1 and records every request, so tests can tell how many
 * downloads were made (or that none was).
 */
export class CertificateServer {
  /** `<method> <path>` of every request received. */
  readonly requests: string[] = [];
  readonly answers = new Map<string, CertificateAnswer>();
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      this.requests.push(`${req.method} ${path}`);
      const answer = this.answers.get(path) ?? { status: 404 };
      if (answer === 'close') return void req.socket.destroy();
      if ('status' in answer) {
        res.writeHead(answer.status, { 'content-type': 'text/plain' });
        return void res.end(`status ${answer.status}`);
      }
      res.writeHead(200, { 'content-type': answer.contentType ?? 'application/x-pem-file' });
      res.end(answer.file);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The URL of `path` on this server, with `host` (127.0.0.1 unless told). */
  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** How many requests were made for `path`. */
  downloadsOf(path: string): number {
    return this.requests.filter((request) => request.endsWith(` ${path}`)).length;
  }
}
