import type { Request, Response } from 'restify';
import { ingestReferrals } from '../partnerCenter/ingestReferrals';
import { parseReferrals } from '../partnerCenter/referralSchema';
import type { Services } from '../services';
import { bodyWithin, jsonOf } from './readBody';
import { SIGNATURE_HEADER, isValidSignature } from './signature';

/** One delivery may carry up to this many bytes (a few hundred referrals). */
export const MAX_REFERRALS_BODY_BYTES = 1024 * 1024;
export const MAX_REFERRALS_PER_DELIVERY = 500;

/**
 * `POST /api/referrals`: one Partner Center referral or an array. Signed with the shared
 * secret when one is configured; all or nothing (one bad item stores nothing); 202 with
 * which ids were new or updated and which were duplicates.
 */
export function referralsEndpoint(services: () => Services | undefined, secret: string | undefined) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = await bodyWithin(req, res, MAX_REFERRALS_BODY_BYTES);
    if (!body) return;
    if (secret && !isValidSignature(body, secret, req.header(SIGNATURE_HEADER))) {
      return void res.send(401, { error: 'bad_signature', message: `Missing or wrong ${SIGNATURE_HEADER} header` });
    }
    const ready = services();
    if (!ready) return void res.send(503, { error: 'starting', message: 'Storage is not ready yet; retry shortly' });
    const read = jsonOf(body, res);
    if (!read) return;
    const { json } = read;
    if (Array.isArray(json) && json.length > MAX_REFERRALS_PER_DELIVERY) {
      return void res.send(413, { error: 'too_many_referrals', message: `At most ${MAX_REFERRALS_PER_DELIVERY} referrals per delivery` });
    }
    const parsed = parseReferrals(json);
    if ('problems' in parsed) {
      return void res.send(400, { error: 'invalid_referrals', message: 'Nothing was stored: fix these items and send the delivery again', items: parsed.problems });
    }
    const result = await ingestReferrals(ready, parsed.referrals);
    res.send(202, result);
  };
}
