import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forward } from '../../test/support/forwarding';

/** One storage request as the proxy saw it: when it arrived, its method and what it named. */
export interface StorageCall {
  at: number;
  method: string;
  path: string;
}

/**
 * An HTTP proxy in front of the table server that notes every request, so a benchmark counts
 * the storage calls an operation makes from outside the desk, as Azure would bill them.
 */
export class CountingProxy {
  readonly calls: StorageCall[] = [];
  private server: Server | undefined;
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    this.server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
      const target = new URL(req.url ?? '/', this.target);
      this.calls.push({
        at: performance.timeOrigin + performance.now(),
        method: req.method ?? '',
        path: decodeURIComponent(target.pathname),
      });
      forward(req, res, this.target);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
