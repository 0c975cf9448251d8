import type { Request, Response } from 'restify';
import { deliveryAnswer, ingestReferrals, type IngestDeps } from '../referrals';
import { parseReferrals, problemsText } from '../partnerCenter';
import { bodyWithin, jsonOf, notJson, sentAsJson } from './readBody';
import { SIGNATURE_HEADER, isValidSignature } from './signature';
import { passingFailure, tryAgainLater } from './tryAgainLater';

/** One delivery may carry up to this many bytes (a few hundred referrals). */
export const MAX_REFERRALS_BODY_BYTES = 1024 * 1024;
export const MAX_REFERRALS_PER_DELIVERY = 500;

/**
 * `POST /api/referrals`: one Partner Center referral or an array, as `application/json`
 * (else 415, before the body is read). Signed with the shared secret when one is configured;
 * all or nothing: one bad item (wrong, nested too deep, too large to store) is 400 naming the
 * item and field, and nothing is stored; a delivery storage cannot take now (unavailable, or
 * its referrals kept changing) is 503 with `Retry-After`, and nothing of it stays stored (see
 * ingestReferrals). 202, once what was stored survives a crash, with which ids were new or
 * updated, which were duplicates, and (when any) which were ignored as not for the desk
 * (outgoing, or expired before the desk saw them). Every refusal is logged in one line.
 */
export function referralsEndpoint(
  services: () => IngestDeps | undefined,
  secret: string | undefined,
  durable: () => Promise<void>,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const refused = (status: number, line: string) =>
      services()?.log.info(`delivery to /api/referrals refused (${status}): ${line}`);
    if (!sentAsJson(req, res)) return void refused(415, `Content-Type ${notJson(req)}`);
    const body = await bodyWithin(req, res, MAX_REFERRALS_BODY_BYTES);
    if (!body) return void refused(413, `body larger than ${MAX_REFERRALS_BODY_BYTES} bytes`);
    if (secret && !isValidSignature(body, secret, req.header(SIGNATURE_HEADER))) {
      res.send(401, { error: 'bad_signature', message: `Missing or wrong ${SIGNATURE_HEADER} header` });
      return void refused(401, `missing or wrong ${SIGNATURE_HEADER}`);
    }
    const ready = services();
    if (!ready) return tryAgainLater(res, { error: 'starting', message: 'Storage is not ready yet; retry shortly' });
    const read = jsonOf(body, res);
    if (!read) return void refused(400, 'malformed JSON');
    const { json } = read;
    if (Array.isArray(json) && json.length > MAX_REFERRALS_PER_DELIVERY) {
      res.send(413, {
        error: 'too_many_referrals',
        message: `At most ${MAX_REFERRALS_PER_DELIVERY} referrals per delivery`,
      });
      return void refused(413, `${json.length} referrals`);
    }
    const parsed = parseReferrals(json);
    if ('problems' in parsed) {
      const message = 'Nothing was stored: fix these items and send the delivery again';
      res.send(400, { error: 'invalid_referrals', message, items: parsed.problems });
      const items = parsed.problems.map(
        (item) => `item ${item.index}${item.id ? ` (${item.id})` : ''}: ${problemsText([item])}`,
      );
      return void refused(400, items.join('; ').slice(0, 1000));
    }
    try {
      const result = await ingestReferrals(ready, parsed.referrals);
      // The sender will not deliver what was acknowledged again: it must outlive a crash.
      await durable();
      res.send(202, deliveryAnswer(result));
    } catch (error) {
      const failure = passingFailure(error);
      if (!failure) throw error;
      const count = parsed.referrals.length;
      ready.log.error(
        `delivery of ${count} referral(s) to /api/referrals not stored: ${failure.cause}; asked to deliver again`,
      );
      tryAgainLater(res, { error: failure.error, message: `${failure.message}; deliver it again` });
    }
  };
}
