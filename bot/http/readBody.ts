import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';

/** The request body was larger than allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
  }
}

/** Reads the raw body (needed for signatures), refusing more than `limit` bytes. */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new BodyTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The raw body, or undefined once `res` has answered 413 because it is larger than `limit`. */
export async function bodyWithin(req: Request, res: Response, limit: number): Promise<Buffer | undefined> {
  try {
    return await readRawBody(req, limit);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    res.send(413, { error: 'body_too_large', message: error.message });
    return undefined;
  }
}

/** The one media type the delivery endpoints read. */
export const JSON_MEDIA_TYPE = 'application/json';

/**
 * The request's media type when it is not JSON in UTF-8, else undefined: `application/json`
 * in any letter case, with any parameters but a charset other than UTF-8 (JSON is UTF-8).
 * `'(none)'` when the request names no type.
 */
export function notJson(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = req.headers['content-type'];
  if (!header) return '(none)';
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (type === JSON_MEDIA_TYPE && (charset === undefined || charset === 'utf-8' || charset === 'utf8'))
    return undefined;
  return header.slice(0, 100);
}

/** Whether the request is sent as JSON; otherwise `res` has answered 415 naming the type expected (see notJson). */
export function sentAsJson(req: Request, res: Response): boolean {
  const sent = notJson(req);
  if (sent === undefined) return true;
  req.resume();
  const message = `Send the body as ${JSON_MEDIA_TYPE} (UTF-8); this request's Content-Type is ${sent}`;
  res.send(415, { error: 'unsupported_media_type', message });
  return false;
}

/** The body as JSON, or undefined once `res` has answered 400 saying why it is not. */
export function jsonOf(body: Buffer, res: Response): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(body.toString('utf8')) };
  } catch (error) {
    res.send(400, { error: 'malformed_json', message: `The body is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}
