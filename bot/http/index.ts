/*
 * The desk's HTTP server as the rest of the desk sees it, with the body reader and signing the tools share.
 * Code outside bot/http imports from here, never its files (eslint.config.mjs refuses deep imports).
 */
export { BodyTooLargeError, readRawBody } from './readBody';
export { createServer, type ServerState } from './server';
export { SIGNATURE_HEADER, signBody } from './signature';
