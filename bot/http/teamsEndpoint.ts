import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { Logger } from '../log';
import { isStorageUnavailable, statusOf, storageAccessProblem, storageFailureText } from '../store';
import {
  TOKEN_REFUSALS,
  TokenRefusedError,
  SigningKeysUnavailableError,
  badInvokeResponse,
  type ReferralDeskBot,
  type TeamsAdapter,
} from '../teams';
import { cardActionProblem, readActivity } from './activityShape';
import { bodyWithin, jsonOf } from './readBody';

/** Teams' activities are a few kilobytes; a card's inputs add little. */
export const MAX_ACTIVITY_BODY_BYTES = 1024 * 1024;

/** How long a 503 asks Teams to wait before it delivers the activity again, in seconds. */
export const RETRY_AFTER_SECONDS = 10;

export interface TeamsEndpointDeps {
  /** The adapter to Teams; the first request builds it (see teamsOnDemand.ts). */
  adapter: () => TeamsAdapter;
  /** The bot, once storage is ready. */
  bot: () => ReferralDeskBot | undefined;
  log: Logger;
}

/**
 * `POST /api/messages`: Teams' activities. The body must be one activity (400 otherwise);
 * with an app id its token is checked before anything else runs (401 naming the kind of
 * problem; 503 when the Bot Framework's signing keys cannot be fetched); a card action must
 * carry an object `value` with an `action` and a string `verb` (400). Then the bot's turn
 * runs, and an invoke's answer is the response. Storage that cannot be reached answers 503,
 * so Teams delivers the activity again. Every refusal logs one line; one made before the turn
 * runs leaves nothing stored.
 */
export function teamsEndpoint(deps: TeamsEndpointDeps) {
  const { log } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    const refuse = (status: number, body: object, why: string) => {
      log.info(`Teams request refused (${status}): ${why}`);
      res.send(status, body);
    };
    const unavailable = (body: object, why: string) => {
      res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      refuse(503, body, why);
    };

    const body = await bodyWithin(req, res, MAX_ACTIVITY_BODY_BYTES);
    if (!body)
      return void log.info(`Teams request refused (413): the body is larger than ${MAX_ACTIVITY_BODY_BYTES} bytes`);
    const read = jsonOf(body, res);
    if (!read) return void log.info('Teams request refused (400): the body is not valid JSON');
    const reading = readActivity(read.json);
    if (!reading.ok) return refuse(400, { error: 'invalid_activity', message: reading.problem }, reading.problem);
    const { activity } = reading;
    const adapter = deps.adapter();

    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await adapter.authenticate(activity, req.headers.authorization);
    } catch (error) {
      if (error instanceof TokenRefusedError) {
        const { reason, detail } = error;
        return refuse(401, { error: 'unauthorized', reason, message: TOKEN_REFUSALS[reason] }, `${reason}: ${detail}`);
      }
      if (error instanceof SigningKeysUnavailableError) {
        const message = "The Bot Framework's signing keys could not be fetched; deliver the activity again later";
        return unavailable({ error: 'signing_keys_unavailable', message }, error.message);
      }
      throw error;
    }

    const problem = cardActionProblem(activity);
    if (problem) return refuse(400, badInvokeResponse(problem), `card action: ${problem}`);
    const bot = deps.bot();
    if (!bot)
      return unavailable(
        { error: 'starting', message: 'Storage is not ready yet; retry shortly' },
        'storage is not ready yet',
      );

    try {
      const response = await adapter.runTurn(authenticated, activity, (turn) => bot.run(turn));
      res.send(response?.status ?? 200, response?.body);
    } catch (error) {
      if (!isStorageUnavailable(error)) {
        log.error(`Teams ${activity.type} activity failed`, error);
        return void res.send(500, { error: 'internal', message: 'The activity could not be handled' });
      }
      const code = statusOf(error) ?? (error as { code?: unknown }).code;
      const cause = storageAccessProblem(error)
        ? storageFailureText(error)
        : `storage is unavailable (${String(code)})`;
      const message = 'Storage cannot be reached right now; deliver the activity again later';
      unavailable({ error: 'storage_unavailable', message }, `${activity.type} activity not handled: ${cause}`);
    }
  };
}
