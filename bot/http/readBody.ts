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

/** The body as JSON, or undefined once `res` has answered 400 saying why it is not. */
export function jsonOf(body: Buffer, res: Response): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(body.toString('utf8')) };
  } catch (error) {
    res.send(400, { error: 'malformed_json', message: `The body is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}
