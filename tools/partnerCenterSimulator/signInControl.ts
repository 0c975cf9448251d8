import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRawBody } from '../../bot/http';
import { DEVICE_LOGIN_PATH, type PartnerCenterSimulator } from './simulator';

/**
 * The simulator's verification page, where the user of a device-code sign-in would enter
 * the code: `POST /simulator/device-login` with `{ "userCode": "…", "decision": "approve" }`
 * (or `"decline"`) plays that user. Answers 200, 400 naming the field, or 404 for a code
 * that is unknown, expired or already answered; `GET` says how. Returns false for every other path.
 */
export function signInControl(
  simulator: PartnerCenterSimulator,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    if (new URL(req.url ?? '/', 'http://simulator').pathname !== DEVICE_LOGIN_PATH) return false;
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return true;
    };
    if (req.method === 'GET') {
      return answer(200, {
        message:
          `This simulator has no sign-in page: POST ${DEVICE_LOGIN_PATH} with ` +
          '{ "userCode": "<the code>", "decision": "approve" } (or "decline")',
      });
    }
    if (req.method !== 'POST')
      return answer(405, { error: 'method_not_allowed', message: `GET or POST ${DEVICE_LOGIN_PATH} only` });
    let body: { userCode?: unknown; decision?: unknown };
    try {
      const text = (await readRawBody(req, 16 * 1024)).toString('utf8').trim();
      body = text ? (JSON.parse(text) as typeof body) : {};
    } catch (error) {
      return answer(400, {
        error: 'malformed_json',
        message: `The body is not valid JSON: ${(error as Error).message}`,
      });
    }
    if (typeof body !== 'object' || body === null || typeof body.userCode !== 'string' || body.userCode.trim() === '') {
      return answer(400, {
        error: 'invalid_user_code',
        field: 'userCode',
        message: 'userCode must be the code the sign-in showed',
      });
    }
    if (body.decision !== 'approve' && body.decision !== 'decline') {
      return answer(400, {
        error: 'invalid_decision',
        field: 'decision',
        message: 'decision must be approve or decline',
      });
    }
    if (!simulator.answerSignIn(body.userCode, body.decision)) {
      return answer(404, {
        error: 'unknown_user_code',
        field: 'userCode',
        message: `No sign-in waits for the code ${body.userCode} (unknown, expired, or already answered)`,
      });
    }
    return answer(200, { userCode: body.userCode.trim().toUpperCase(), decision: body.decision });
  };
}
