/**
 * The Referrals API (`/v1.0/engagements/referrals`) over HTTP: listing with OData paging,
 * reading one referral, and patching it under If-Match. Requests reach it authenticated and
 * past the queued faults (see simulator); this answers them from the referral store.
 */
import type { IncomingMessage } from 'node:http';
import { BodyTooLargeError, readRawBody } from '../../bot/http';
import { odataError, type Answer } from './answers';
import { listPage, nextPageQuery, parseListQuery } from './listing';
import { readPatchOperations } from './referralPatch';
import type { ReferralStore } from './referralStore';

/** Where the Referrals API lives on the simulator, as on api.partner.microsoft.com. */
export const API_BASE_PATH = '/v1.0/engagements/referrals';

const BODY_LIMIT = 1024 * 1024;

/** What the Referrals API routes read of the simulator. */
export interface ReferralsApiContext {
  store: ReferralStore;
  /** Default and largest `$top`. */
  pageSize: number;
  /** At most this many referrals a page, whatever `$top` asks (see SimulatorOptions). */
  servedPageSize?: number;
  /** The origin written into `@odata.nextLink`; by default the one the request was sent to. */
  nextLinkOrigin?: string;
  /** The simulator's own URL: the origin of `@odata.nextLink` when the request names no host. */
  url: string;
}

/** The answer to a request for `path` (without trailing slashes), which lies under API_BASE_PATH. */
export async function referralsApiAnswer(
  context: ReferralsApiContext,
  req: IncomingMessage,
  url: URL,
  path: string,
): Promise<Answer> {
  if (path === API_BASE_PATH) {
    if (req.method !== 'GET')
      return odataError(
        405,
        'MethodNotAllowed',
        `${req.method} ${API_BASE_PATH} is not simulated; referrals are listed with GET`,
        undefined,
        { allow: 'GET' },
      );
    return list(context, url, req);
  }
  const rest = path.slice(API_BASE_PATH.length + 1);
  if (rest.includes('/')) return odataError(404, 'NotFound', `Nothing is served at ${url.pathname}`);
  const id = decodeURIComponent(rest);
  if (req.method === 'GET') return getOne(context.store, id);
  if (req.method === 'PATCH') return patch(context.store, req, id);
  return odataError(
    405,
    'MethodNotAllowed',
    `${req.method} is not allowed on a referral; use GET or PATCH`,
    undefined,
    { allow: 'GET, PATCH' },
  );
}

function list(context: ReferralsApiContext, url: URL, req: IncomingMessage): Answer {
  const parsed = parseListQuery(url.searchParams, context.pageSize);
  if ('problem' in parsed) return odataError(400, 'BadRequest', parsed.problem.message, parsed.problem.target);
  const served = context.servedPageSize;
  const page = listPage(
    context.store.all(),
    served === undefined ? parsed.query : { ...parsed.query, top: Math.min(parsed.query.top, served) },
  );
  const body: Record<string, unknown> = { value: page.value };
  if (page.next) {
    const origin = context.nextLinkOrigin ?? `http://${req.headers.host ?? new URL(context.url).host}`;
    body['@odata.nextLink'] = `${origin}${API_BASE_PATH}?${nextPageQuery(url.searchParams, page.next)}`;
  }
  return { status: 200, body };
}

function getOne(store: ReferralStore, id: string): Answer {
  const referral = store.get(id);
  if (!referral) return odataError(404, 'NotFound', `Referral ${id} was not found`, 'id');
  return { status: 200, headers: { etag: `"${referral.eTag}"` }, body: referral };
}

async function patch(store: ReferralStore, req: IncomingMessage, id: string): Promise<Answer> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/(json|json-patch\+json)\b/i.test(type)) {
    return odataError(
      415,
      'UnsupportedMediaType',
      `A patch is sent as application/json or application/json-patch+json, not "${type}"`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse((await readRawBody(req, BODY_LIMIT)).toString('utf8'));
  } catch (error) {
    // Too large a body is answered 413 by the server, as for every route.
    if (error instanceof BodyTooLargeError) throw error;
    return odataError(
      400,
      'BadRequest',
      `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const read = readPatchOperations(body);
  if ('problem' in read) return odataError(400, 'BadRequest', read.problem.message, read.problem.path);
  const ifMatch = req.headers['if-match'];
  const outcome = store.patch(id, read.operations, ifMatch);
  switch (outcome.kind) {
    case 'notFound':
      return odataError(404, 'NotFound', `Referral ${id} was not found`, 'id');
    case 'preconditionFailed':
      return odataError(
        412,
        'PreconditionFailed',
        `Referral ${id} was changed since it was read: If-Match ${ifMatch} is not its current eTag; read it again`,
        'If-Match',
      );
    case 'invalid':
      return odataError(400, 'BadRequest', outcome.problem.message, outcome.problem.path);
    case 'patched': {
      const headers = { etag: `"${outcome.referral.eTag}"` };
      const representation = /\breturn=representation\b/i.test(String(req.headers.prefer ?? ''));
      return representation
        ? {
            status: 200,
            headers: { ...headers, 'preference-applied': 'return=representation' },
            body: outcome.referral,
          }
        : { status: 204, headers };
    }
  }
}
