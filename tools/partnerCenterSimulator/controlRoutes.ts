import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRawBody } from '../../bot/http';
import { generateReferral } from './referralGenerator';
import type { SimulatedReferral } from './referralStore';
import { signInControl } from './signInControl';
import type { PartnerCenterSimulator } from './simulator';

/** Where the simulator takes orders over HTTP (the demo's way in). */
export const CONTROL_PATH = '/simulator/referrals';
const MAX_AT_ONCE = 100;

/**
 * The simulator's own control, for `npm run demo`: `POST /simulator/referrals` with
 * `{ "count": n }` (1 by default, at most 100) adds n generated referrals now, and with
 * `{ "referral": {…} }` adds that one (or changes it, as in the portal, when its id is
 * known), as if it had arrived in Partner Center, so its webhooks announce it. Answers 201
 * with the ids and names, or 400 naming what is wrong. `/simulator/device-login` plays the
 * user of a device-code sign-in (see signInControl). Returns false for every other path.
 */
export function controlRoutes(
  simulator: PartnerCenterSimulator,
  firstSeed = 1_000,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  let seed = firstSeed;
  const signIn = signInControl(simulator);
  return async (req, res) => {
    if (await signIn(req, res)) return true;
    if (new URL(req.url ?? '/', 'http://simulator').pathname !== CONTROL_PATH) return false;
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST')
      return (answer(405, { error: 'method_not_allowed', message: `POST ${CONTROL_PATH} only` }), true);
    let count = 1;
    let given: unknown;
    try {
      const text = (await readRawBody(req, 256 * 1024)).toString('utf8').trim();
      const body = text ? (JSON.parse(text) as { count?: unknown; referral?: unknown }) : {};
      if (body.count !== undefined) count = Number(body.count);
      given = body.referral;
    } catch (error) {
      return (
        answer(400, { error: 'malformed_json', message: `The body is not valid JSON: ${(error as Error).message}` }),
        true
      );
    }
    if (given !== undefined) {
      const id = typeof given === 'object' && given !== null ? (given as { id?: unknown }).id : undefined;
      if (typeof given !== 'object' || given === null || typeof id !== 'string' || !id) {
        return (
          answer(400, {
            error: 'invalid_referral',
            field: 'referral.id',
            message: 'referral must be an object with an id',
          }),
          true
        );
      }
      const kept = simulator.get(id)
        ? simulator.update(id, given as Record<string, unknown>)
        : simulator.add(given as Record<string, unknown>);
      return (answer(201, { referrals: [summary(kept)] }), true);
    }
    if (!Number.isInteger(count) || count < 1 || count > MAX_AT_ONCE) {
      return (
        answer(400, {
          error: 'invalid_count',
          field: 'count',
          message: `count must be a whole number from 1 to ${MAX_AT_ONCE}`,
        }),
        true
      );
    }
    const added = Array.from({ length: count }, () => simulator.add(generateReferral(seed++, simulator.now())));
    answer(201, { referrals: added.map(summary) });
    return true;
  };
}

function summary(referral: SimulatedReferral): { id: string; name: unknown } {
  return { id: referral.id, name: referral.name };
}
