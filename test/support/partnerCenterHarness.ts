import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedTestPki } from '../../tools/partnerCenterSimulator/certificates';
import { PartnerCenterSimulator, type SimulatorOptions } from '../../tools/partnerCenterSimulator/simulator';
import {
  CERTIFICATE_PATH,
  WebhookSubscription,
  type WebhookSubscriptionOptions,
} from '../../tools/partnerCenterSimulator/webhookSubscription';
import { certificateHandler } from '../../tools/partnerCenterSimulator/webhooks';
import { BotHarness } from './botHarness';

/**
 * The bot connected to a local Partner Center simulator over HTTP: its API and token
 * endpoint with the simulator's credentials, its signed webhooks (a test certificate
 * authority the bot is told to trust, the certificate served by the simulator), no polling
 * on a timer (tests poll when they choose), and Partner Center's waits recorded, not slept.
 */
export class PartnerCenterHarness {
  readonly simulator: PartnerCenterSimulator;
  readonly bot: BotHarness;
  /** Every wait the client was asked to make (Retry-After, backoff), in milliseconds. */
  readonly waits: number[] = [];
  webhooks!: WebhookSubscription;
  /** While true, Partner Center's changes are not announced by webhook (as when one is lost). */
  muted = false;
  private readonly pki = sharedTestPki();

  /**
   * `subscription.registered` false: the desk starts without a webhook registration (as before
   * `npm run partner-center:webhooks`); by default it is registered for every event it understands.
   */
  constructor(
    env: Record<string, string> = {},
    private readonly subscription: Pick<WebhookSubscriptionOptions, 'skip'> & { registered?: boolean } = {},
    simulator: Omit<SimulatorOptions, 'clock' | 'extraRoutes'> = {},
  ) {
    // The simulator keeps the bot's test clock, read when it answers.
    let bot: BotHarness | undefined;
    this.simulator = new PartnerCenterSimulator({
      ...simulator,
      clock: () => bot!.clock.now,
      extraRoutes: certificateHandler(this.pki, CERTIFICATE_PATH),
    });
    const anchors = join(tmpdir(), `referral-desk-test-root-${process.pid}.pem`);
    writeFileSync(anchors, this.pki.rootPem);
    this.bot = bot = new BotHarness(
      {
        PARTNER_CENTER_POLL_MINUTES: '0',
        PARTNER_CENTER_CERTIFICATE_HOSTS: '127.0.0.1',
        PARTNER_CENTER_TRUST_ANCHORS: anchors,
        ...env,
      },
      {
        partnerCenter: { timing: { sleep: async (ms: number) => void this.waits.push(ms) } },
        webhooks: { allowInsecureHttp: true },
      },
    );
  }

  async start(): Promise<this> {
    await this.simulator.start();
    const { credentials } = this.simulator;
    Object.assign(this.bot.env, {
      PARTNER_CENTER_TENANT_ID: credentials.tenantId,
      PARTNER_CENTER_CLIENT_ID: credentials.clientId,
      PARTNER_CENTER_CLIENT_SECRET: credentials.clientSecret,
      PARTNER_CENTER_REFRESH_TOKEN: credentials.refreshToken,
      PARTNER_CENTER_API_URL: this.simulator.apiUrl,
      PARTNER_CENTER_AUTHORITY_URL: this.simulator.authorityUrl,
    });
    await this.bot.start();
    if (this.subscription.registered !== false) this.simulator.registerWebhook(() => this.eventsUrl);
    this.webhooks = new WebhookSubscription(this.simulator, {
      certificate: this.pki,
      sleep: async () => undefined,
      skip: (change) => this.muted || (this.subscription.skip?.(change) ?? false),
    });
    return this;
  }

  /** The desk's webhook endpoint, where Partner Center is to deliver events. */
  get eventsUrl(): string {
    return `${this.bot.app.url}/api/partner-center/events`;
  }

  async stop(): Promise<void> {
    this.webhooks?.stop();
    await this.bot.stop();
    await this.simulator.stop();
  }

  /**
   * Waits until the webhooks and what they set off are quiet: every delivery has ended, and
   * so has the bot's work, including the deliveries its own writes caused meanwhile.
   */
  async delivered() {
    let reports: Awaited<ReturnType<WebhookSubscription['settled']>> = [];
    for (let seen = -1; seen !== this.webhooks.deliveries.length;) {
      seen = this.webhooks.deliveries.length;
      reports = await this.webhooks.settled();
      await this.bot.settle();
    }
    return reports;
  }

  /** One poll of Partner Center, then everything it set off. */
  async poll() {
    const result = await this.bot.services.partnerCenter!.poller.poll();
    await this.bot.settle();
    return result;
  }
}
