import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header a benchmark's request carries so its server time can be found. */
export const TIMED_HEADER = 'x-bench-request';

/** From a request's arrival to its answer handed to the socket, in milliseconds since the epoch. */
export interface ServedSpan {
  from: number;
  to: number;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * How long the desk's HTTP server took over each marked request: from Node receiving it to
 * the last byte of the answer handed to the socket, seen through Node's own HTTP diagnostics
 * channels, so the desk's code is not touched. A client in the same process reads the answer
 * only when its event loop comes to it, after whatever the desk does next: this is the
 * server's time alone, as Teams would wait for it.
 */
export class ServerTimes {
  private readonly started = new WeakMap<ServerResponse, { id: string; at: number }>();
  private readonly took = new Map<string, ServedSpan>();

  private readonly onStart = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const id = request.headers[TIMED_HEADER];
    if (typeof id === 'string') this.started.set(response, { id, at: now() });
  };

  private readonly onFinish = (message: unknown) => {
    const { response } = message as { response: ServerResponse };
    const start = this.started.get(response);
    if (start) this.took.set(start.id, { from: start.at, to: now() });
  };

  start(): void {
    subscribe('http.server.request.start', this.onStart);
    subscribe('http.server.response.finish', this.onFinish);
  }

  stop(): void {
    unsubscribe('http.server.request.start', this.onStart);
    unsubscribe('http.server.response.finish', this.onFinish);
  }

  /** When the server had the request marked `id`, forgotten once asked. */
  take(id: string): ServedSpan | undefined {
    const span = this.took.get(id);
    this.took.delete(id);
    return span;
  }
}
