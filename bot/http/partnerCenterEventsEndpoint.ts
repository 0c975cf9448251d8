import type { Request, Response } from 'restify';
import { deliveryAnswer, ingestReferrals, type IngestDeps } from '../referrals';
import { readServedReferral, parseWebhookEvent, type WebhookVerifier, type ReferralsApi } from '../partnerCenter';
import { bodyWithin, jsonOf, notJson, sentAsJson } from './readBody';
import { passingFailure, tryAgainLater } from './tryAgainLater';

/** An event body is a few hundred bytes; anything near this is not one. */
const MAX_EVENT_BODY_BYTES = 64 * 1024;
/** Names of ignored events logged so far are remembered up to this many; the rest are logged each time. */
const MAX_REMEMBERED_IGNORED = 100;

export interface PartnerCenterEventsDeps {
  /** The services once storage is ready, with Partner Center's API when the desk is connected to it. */
  ready: () => { services: IngestDeps; api?: Pick<ReferralsApi, 'getReferral'> } | undefined;
  /** Checks an event's signature; asked at each event (see ServerOptions). */
  verifier: () => WebhookVerifier;
  /** Resolves once what was stored survives a crash: a 202 is a promise Partner Center will not deliver again. */
  durable: () => Promise<void>;
}

/**
 * `POST /api/partner-center/events`: Partner Center's webhook, as `application/json` (else
 * 415, before the body is read). The signature is checked over the raw body before anything
 * else (401 and nothing stored when it fails); the event names a referral, which is read from
 * the Referrals API (the event does not carry it) and stored through the same path as every
 * delivery, so a repeated or late event never undoes a newer state. A test delivery is
 * acknowledged. An event of another kind (Partner Center sends every event the partner
 * registered for to this URL) is answered 200 and ignored, logged once per event name, so
 * Partner Center does not deliver it again; so is a referral not for the desk (outgoing, or
 * expired before the desk saw it). A body that is no event at all is 400, naming the field.
 * When Partner Center cannot be read, or storage cannot take the referral now,
 * the answer is 503 with `Retry-After`, so Partner Center delivers the event again. Every
 * refusal is logged in one line.
 */
export function partnerCenterEventsEndpoint(deps: PartnerCenterEventsDeps) {
  const ignoredNames = new Set<string>();
  return async (req: Request, res: Response): Promise<void> => {
    const refused = (status: number, line: string) =>
      deps.ready()?.services.log.info(`Partner Center event refused (${status}): ${line}`);
    if (!sentAsJson(req, res)) return void refused(415, `Content-Type ${notJson(req)}`);
    const body = await bodyWithin(req, res, MAX_EVENT_BODY_BYTES);
    if (!body) return void refused(413, `body larger than ${MAX_EVENT_BODY_BYTES} bytes`);
    const verified = await deps.verifier().verify(body, req.headers);
    if (!verified.ok) {
      res.send(401, { error: 'bad_signature', reason: verified.reason, message: verified.message });
      return void refused(401, `${verified.reason}: ${verified.message}`);
    }
    const ready = deps.ready();
    if (!ready) return tryAgainLater(res, { error: 'starting', message: 'Storage is not ready yet; retry shortly' });
    const { services, api } = ready;
    if (!api) {
      res.send(404, {
        error: 'not_connected',
        message: 'This desk is not connected to Partner Center (set the PARTNER_CENTER_* credentials)',
      });
      return void refused(404, 'not connected to Partner Center');
    }
    const delivered = jsonOf(body, res);
    if (!delivered) return void refused(400, 'malformed JSON');
    const { json } = delivered;
    const parsed = parseWebhookEvent(json);
    if (parsed.kind === 'invalid') {
      res.send(400, { error: 'invalid_event', message: 'The event was not understood', problems: parsed.problems });
      return void refused(
        400,
        parsed.problems
          .map((p) => `${p.field} ${p.message}`)
          .join('; ')
          .slice(0, 1000),
      );
    }
    if (parsed.kind === 'ignored') {
      const name = parsed.eventName.slice(0, 200);
      const message = 'The desk acts on referral events only; this event was ignored';
      res.send(200, { event: name, ignored: true, message });
      if (ignoredNames.has(name)) return;
      if (ignoredNames.size < MAX_REMEMBERED_IGNORED) ignoredNames.add(name);
      // Quoted as JSON, so a line break or control character in the name cannot forge log lines.
      const quoted = JSON.stringify(name).slice(1, -1);
      return void services.log.info(`Partner Center event "${quoted}" ignored: the desk acts on referral events only`);
    }
    const { event } = parsed;
    if (event.event === 'test-created') return void res.send(200, { event: event.event, received: [], duplicates: [] });
    let current: Awaited<ReturnType<ReferralsApi['getReferral']>>;
    try {
      current = await api.getReferral(event.referralId);
    } catch (error) {
      services.log.error(
        `Partner Center event for referral ${event.referralId}: the referral could not be read`,
        error,
      );
      const message = `Referral ${event.referralId} could not be read from Partner Center; deliver the event again`;
      return tryAgainLater(res, { error: 'partner_center_unavailable', message });
    }
    if (!current) {
      res.send(404, { error: 'not_found', message: `Partner Center has no referral ${event.referralId}` });
      return void refused(404, `Partner Center has no referral ${event.referralId}`);
    }
    const read = readServedReferral(current);
    if ('problem' in read) {
      res.send(422, {
        error: 'invalid_referral',
        message: `Partner Center's referral ${event.referralId} was not stored: ${read.problem}`,
      });
      return void refused(422, `referral ${event.referralId}: ${read.problem}`.slice(0, 1000));
    }
    try {
      const result = await ingestReferrals(services, [read.referral]);
      await deps.durable();
      // A referral the desk leaves out is done with, as an ignored event is.
      const status = result.ignored.length > 0 ? 200 : 202;
      res.send(status, { event: event.event, ...deliveryAnswer(result) });
    } catch (error) {
      const failure = passingFailure(error);
      if (!failure) throw error;
      services.log.error(
        `Partner Center event for referral ${event.referralId} not stored: ${failure.cause}; asked to deliver again`,
      );
      tryAgainLater(res, { error: failure.error, message: `${failure.message}; deliver the event again` });
    }
  };
}
