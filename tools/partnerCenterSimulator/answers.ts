/** What the simulator answers a request with, before it is written to the socket. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON; none for 204. */
  body?: unknown;
}

/** An error in the OData JSON format the Partner Center APIs answer with: `{ error: { code, message, target? } }`. */
export function odataError(
  status: number,
  code: string,
  message: string,
  target?: string,
  headers?: Record<string, string>,
): Answer {
  return { status, headers, body: { error: { code, message, ...(target === undefined ? {} : { target }) } } };
}
