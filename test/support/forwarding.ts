import { request, type IncomingMessage, type ServerResponse } from 'node:http';

/** Sends the request on to the same path on `base` and pipes the answer back; a failed upstream drops the connection. */
export function forward(req: IncomingMessage, res: ServerResponse, base: string): void {
  const target = new URL(req.url ?? '/', base);
  const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}
