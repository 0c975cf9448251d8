import type { DateTime } from 'luxon';
import type { Config, PartnerCenterSettings, SimulatorSettings } from '../config';
import type { Logger } from '../log';
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

const NOT_CONNECTED = 'Partner Center is not connected: set the four PARTNER_CENTER_* credentials (see env.sample)';

/**
 * The local Partner Center of a run without credentials, when the settings ask for one and this
 * start can run one; without it (its port taken, or a start that has none, as the production
 * one) the desk runs unconnected, and says so once.
 */
export async function startLocalPartnerCenter(
  config: Config,
  start: StartLocalPartnerCenter | undefined,
  webhookUrl: () => string,
  clock: () => DateTime,
  log: Logger,
): Promise<LocalPartnerCenter | undefined> {
  if (config.partnerCenter) return undefined;
  const settings = config.partnerCenterSimulator;
  if (!settings) {
    log.info(NOT_CONNECTED);
    return undefined;
  }
  if (!start) {
    log.info(`${NOT_CONNECTED}; this start runs no local simulator (npm start does, without NODE_ENV=production)`);
    return undefined;
  }
  try {
    const local = await start({ settings, webhookUrl, clock });
    log.info(
      `local Partner Center simulator on ${local.url} ` +
        '(npm run demo sends it referrals; set PARTNER_CENTER_SIMULATOR=off to run without)',
    );
    return local;
  } catch (error) {
    const problem = `the local Partner Center simulator could not start on port ${settings.port}`;
    log.error(`${problem}; running without Partner Center`, error);
    return undefined;
  }
}
