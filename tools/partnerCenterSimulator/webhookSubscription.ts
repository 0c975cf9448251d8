import { API_BASE_PATH, type PartnerCenterSimulator } from './simulator';
import type { SigningCertificate } from './certificates';
import { VALIDATION_EVENTS_PATH } from './webhookApi';
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
 * Partner Center's webhook deliveries on the simulator, following its registration (made
 * through the webhook API, or with `registerWebhook`): every referral it adds or changes
 * (through the API or the portal) is delivered to the registered URL (read at each delivery,
 * so a receiver may move) as a signed `referral-created` or `referral-updated` event when the
 * registration names that event, and every test event asked for through the API as a signed
 * `test-created`, its attempts recorded where the API serves them. Each is tried up to 10 times.
 */
export class WebhookSubscription {
  /** Every delivery, in order, as it went. */
  readonly deliveries: Promise<DeliveryReport>[] = [];
  private readonly stops: (() => void)[];

  constructor(simulator: PartnerCenterSimulator, options: WebhookSubscriptionOptions) {
    const sender = new WebhookSender({
      privateKey: options.certificate.privateKey,
      certificateUrl: `${simulator.url}${CERTIFICATE_PATH}`,
      sleep: options.sleep,
    });
    const onChange = simulator.onChange(({ kind, referral }) => {
      const id = String(referral.id);
      const name = kind === 'created' ? 'referral-created' : 'referral-updated';
      const registration = simulator.webhookRegistration;
      if (!registration?.events.includes(name) || options.skip?.({ kind, id })) return;
      const event = eventBody(name, `${simulator.url}${API_BASE_PATH}/${id}`, simulator.now());
      this.deliveries.push(sender.send(registration.url(), event));
    });
    const onValidation = simulator.onValidationRequest(({ correlationId, callbackUrl }) => {
      const event = eventBody(
        'test-created',
        `${simulator.url}${VALIDATION_EVENTS_PATH}/${correlationId}`,
        simulator.now(),
      );
      const delivery = sender.send(callbackUrl, event, (attempt) =>
        simulator.recordValidationAttempt(correlationId, attempt),
      );
      this.deliveries.push(
        delivery.then((report) => {
          simulator.finishValidation(correlationId, report.delivered);
          return report;
        }),
      );
    });
    this.stops = [onChange, onValidation];
  }

  /** Resolves when every delivery so far has ended. */
  async settled(): Promise<DeliveryReport[]> {
    return Promise.all(this.deliveries);
  }

  stop(): void {
    for (const stop of this.stops) stop();
  }
}
