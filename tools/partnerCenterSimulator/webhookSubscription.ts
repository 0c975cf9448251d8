import { API_BASE_PATH, type PartnerCenterSimulator } from './simulator';
import type { SigningCertificate } from './certificates';
import { eventBody, WebhookSender, type DeliveryReport } from './webhooks';

/** Where the simulator publishes its signing certificate (see certificateHandler). */
export const CERTIFICATE_PATH = '/certificates/pcnotifications-dispatch.pem';

export interface WebhookSubscriptionOptions {
  certificate: SigningCertificate;
  /** Waits between delivery attempts (tests record them instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  /** Changes not to deliver: the webhook Partner Center missed (the poll still finds them). */
  skip?: (change: { kind: 'created' | 'updated'; id: string }) => boolean;
}

/**
 * A webhook registration on the simulator, as Partner Center keeps one: every referral it
 * adds or changes (through the API or the portal) is delivered to the registered URL (read
 * at each delivery, so a receiver may move) as a signed `referral-created` or
 * `referral-updated` event, tried up to 10 times.
 */
export class WebhookSubscription {
  /** Every delivery, in order, as it went. */
  readonly deliveries: Promise<DeliveryReport>[] = [];
  private readonly unsubscribe: () => void;

  constructor(simulator: PartnerCenterSimulator, url: () => string, options: WebhookSubscriptionOptions) {
    const sender = new WebhookSender({ privateKey: options.certificate.privateKey, certificateUrl: `${simulator.url}${CERTIFICATE_PATH}`, sleep: options.sleep });
    this.unsubscribe = simulator.onChange(({ kind, referral }) => {
      const id = String(referral.id);
      if (options.skip?.({ kind, id })) return;
      const event = eventBody(kind === 'created' ? 'referral-created' : 'referral-updated', `${simulator.url}${API_BASE_PATH}/${id}`, simulator.now());
      this.deliveries.push(sender.send(url(), event));
    });
  }

  /** Resolves when every delivery so far has ended. */
  async settled(): Promise<DeliveryReport[]> {
    return Promise.all(this.deliveries);
  }

  stop(): void {
    this.unsubscribe();
  }
}
