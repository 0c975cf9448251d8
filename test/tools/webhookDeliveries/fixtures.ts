import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { parseWebhookEvent, type PartnerCenterEvent } from '../../../bot/partnerCenter/webhookEvents';
import type { WebhookRefusalReason, WebhookVerifier } from '../../../bot/partnerCenter/webhookSignature';
import type { TestPki } from '../../../tools/partnerCenterSimulator/certificates';
import { certificateHandler } from '../../../tools/partnerCenterSimulator/webhooks';

export const NOW = DateTime.fromISO('2026-06-01T12:00:00Z', { zone: 'utc' });
export const REFERRAL_URI =
  'https://api.partner.microsoft.com/v1.0/engagements/referrals/7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42';

/** Listens on a free port of 127.0.0.1; the server's base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes `server`, ending the connections it holds open. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * A receiver like the desk's webhook endpoint will be: verifies each delivery, parses it,
 * records what it accepted and refused, and can be told to fail the next deliveries.
 */
export class Receiver {
  readonly accepted: PartnerCenterEvent[] = [];
  readonly refused: WebhookRefusalReason[] = [];
  readonly statuses: number[] = [];
  failNext: number[] = [];
  url = '';
  private readonly server: Server;

  constructor(verifier: WebhookVerifier) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      const answer = (status: number) => {
        this.statuses.push(status);
        // Not chained: a module loaded elsewhere in the suite patches writeHead to return nothing.
        res.writeHead(status);
        res.end();
      };
      const receive = async () => {
        const failure = this.failNext.shift();
        if (failure) return answer(failure);
        const body = Buffer.concat(chunks);
        const verification = await verifier.verify(body, req.headers);
        if (!verification.ok) {
          this.refused.push(verification.reason);
          return answer(401);
        }
        const parsed = parseWebhookEvent(JSON.parse(body.toString('utf8')));
        if (parsed.kind !== 'event') return answer(400);
        this.accepted.push(parsed.event);
        answer(200);
      };
      // A body this stand-in cannot read (not JSON, a verifier that throws) is a 500 the test sees, not a hung request.
      req.on('end', () => void receive().catch(() => answer(500)));
    });
  }

  async start(): Promise<void> {
    this.url = `${await listen(this.server)}/api/partner-center/events`;
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}

/**
 * Serves the test authority's certificate as Partner Center publishes it: the PEM bundle of leaf and intermediate,
 * and the leaf alone in DER, recording each request as `METHOD /path`.
 */
export async function serveCertificates(pki: TestPki): Promise<{ server: Server; requests: string[]; base: string }> {
  const requests: string[] = [];
  const bundle = certificateHandler(pki, '/cert/pcnotifications-dispatch.simulator.cer');
  const der = certificateHandler(pki, '/cert/leaf.cer', 'der');
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (bundle(req, res) || der(req, res)) return;
    res.writeHead(404);
    res.end();
  });
  return { server, requests, base: await listen(server) };
}
