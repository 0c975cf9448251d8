import type { DateTime } from 'luxon';
import type { PartnerCenterSettings, SimulatorSettings } from '../config';
import type { WebhookVerifierOptions } from './webhookSignature';

/**
 * A Partner Center on this machine, for a desk without credentials: where it is, how the
 * desk signs in to it and how to trust its webhooks. The bot defines only this shape; a
 * development start composes one in (the simulator under tools/), the production start has none.
 */
export interface LocalPartnerCenter {
  /** Its Referrals API and token endpoint, with the credentials it accepts. */
  settings: PartnerCenterSettings;
  /** How its signed webhooks are checked: its own certificate authority, served over http from this machine. */
  webhooks: Pick<WebhookVerifierOptions, 'allowedHosts' | 'trustAnchors' | 'allowInsecureHttp'>;
  /** Where it listens (`npm run demo` orders referrals there). */
  url: string;
  stop(): Promise<void>;
}

/** What the desk hands the local Partner Center it starts. */
export interface LocalPartnerCenterHooks {
  /** Its port and the desk's poll interval, from PARTNER_CENTER_SIMULATOR_PORT and PARTNER_CENTER_POLL_MINUTES. */
  settings: SimulatorSettings;
  /** The desk's webhook endpoint; read at each delivery, since it is known only once the desk listens. */
  webhookUrl: () => string;
  clock: () => DateTime;
}

/** Starts a local Partner Center; rejects when it cannot (its port taken), and the desk then runs without one. */
export type StartLocalPartnerCenter = (hooks: LocalPartnerCenterHooks) => Promise<LocalPartnerCenter>;
