/**
 * JSON a test reads off the wire (an HTTP body, a card, a stored referral) and picks apart field by field.
 * Loose on purpose: the assertion that reads a field fails when the shape is not what the test expects,
 * which says more than a type the test would have to restate.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loose type the tests share, see above
export type WireJson = any;

/** A JSON object read off the wire; see {@link WireJson}. */
export type WireObject = Record<string, WireJson>;
