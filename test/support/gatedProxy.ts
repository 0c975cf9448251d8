import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy that holds every request until `open()`, then forwards them: it makes a
 * backing service "not reachable yet" for as long as a test needs, and `refuse()` makes it
 * unreachable again.
 */
export class GatedProxy {
  private server: Server | undefined;
  private held: (() => void)[] = [];
  private isOpen = false;
  /** While set, requests whose path it matches have their connection cut. */
  private refusing: RegExp | undefined;
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (this.refusing?.test(req.url ?? '')) return void req.socket.destroy();
      const forward = () => this.forward(req, res);
      if (this.isOpen) forward();
      else this.held.push(forward);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  open(): void {
    this.refusing = undefined;
    this.isOpen = true;
    for (const forward of this.held.splice(0)) forward();
  }

  /** Cuts the connection of every request (or of those whose path matches `paths`) until `open()`. */
  refuse(paths = /.*/): void {
    this.refusing = paths;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(req.url ?? '/', this.target);
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }
}
