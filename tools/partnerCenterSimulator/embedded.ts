import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DateTime } from 'luxon';
import type { LocalPartnerCenter } from '../../bot/partnerCenter';
import { createTestPkiInBackground } from './certificates';
import { controlRoutes } from './controlRoutes';
import { PartnerCenterSimulator } from './simulator';
import { CERTIFICATE_PATH, WebhookSubscription } from './webhookSubscription';
import { certificateHandler } from './webhooks';

/** A Partner Center of the desk's own, for a local run: the settings to reach it and how to trust its webhooks. */
export interface EmbeddedPartnerCenter extends LocalPartnerCenter {
  simulator: PartnerCenterSimulator;
}

export interface EmbeddedOptions {
  port: number;
  pollIntervalMs: number;
  /** Where its webhooks go (read at each delivery: the desk's own events endpoint). */
  webhookUrl: () => string;
  clock: () => DateTime;
}

/**
 * Starts the simulator for a desk without Partner Center credentials, as the embedded table
 * server stands in for Azure: with a throw-away certificate authority to sign its webhooks,
 * its certificate and its controls (`POST /simulator/referrals`, used by `npm run demo`) on
 * its own port, and the desk registered for its webhooks.
 */
export async function startEmbeddedPartnerCenter(options: EmbeddedOptions): Promise<EmbeddedPartnerCenter> {
  const pki = await createTestPkiInBackground();
  const certificate = certificateHandler(pki, CERTIFICATE_PATH);
  let control: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined;
  const simulator = new PartnerCenterSimulator({
    port: options.port,
    clock: options.clock,
    extraRoutes: async (req, res) => certificate(req, res) || ((await control?.(req, res)) ?? false),
  });
  control = controlRoutes(simulator);
  await simulator.start();
  simulator.registerWebhook(options.webhookUrl);
  const subscription = new WebhookSubscription(simulator, { certificate: pki });
  return {
    simulator,
    settings: {
      ...simulator.credentials,
      apiUrl: simulator.apiUrl,
      authorityUrl: simulator.authorityUrl,
      pollIntervalMs: options.pollIntervalMs,
    },
    webhooks: { allowedHosts: [new URL(simulator.url).hostname], trustAnchors: [pki.root], allowInsecureHttp: true },
    url: simulator.url,
    async stop() {
      subscription.stop();
      await simulator.stop();
    },
  };
}
