import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forward } from './forwarding';

/** How a refused request is answered: with an HTTP status, or by dropping its connection. */
export type Refusal = number | 'close';

/**
 * An HTTP proxy that holds every request until `open()`, then forwards them: it makes a
 * backing service "not reachable yet" for as long as a test needs. `hold()` makes it stop
 * answering again, `failWhen()` makes it fail the requests a test picks.
 */
export class GatedProxy {
  private server: Server | undefined;
  private held: (() => void)[] = [];
  private isOpen = false;
  private refused: ((req: IncomingMessage) => boolean) | undefined;
  private refusal: Refusal = 503;
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const forward = () => this.forward(req, res);
      if (this.isOpen && this.refused?.(req)) this.refuse(req, res);
      else if (this.isOpen) forward();
      else this.held.push(forward);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Forwards every request from now on, those held so far first; ends `failWhen`. */
  open(): void {
    this.isOpen = true;
    this.refused = undefined;
    for (const forward of this.held.splice(0)) forward();
  }

  /** Holds every request from now on, as a service that stopped answering, until `open()`. */
  hold(): void {
    this.isOpen = false;
  }

  /**
   * Until `open()`, fails each request `refused` picks (it sees every request, in order, so
   * it may count them or pick a moment after which all fail): answered `refusal`, never forwarded.
   */
  failWhen(refused: (req: IncomingMessage) => boolean, refusal: Refusal = 503): void {
    this.refused = refused;
    this.refusal = refusal;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private refuse(req: IncomingMessage, res: ServerResponse): void {
    if (this.refusal === 'close') return void req.socket.destroy();
    req.resume();
    res.writeHead(this.refusal, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ 'odata.error': { code: 'Refused', message: { value: 'refused by the test proxy' } } }));
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    forward(req, res, this.target);
  }
}
