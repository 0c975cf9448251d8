/** How a simulator is set up, and what it records of each request. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DateTime } from 'luxon';

/** The credentials the simulator accepts unless told others. */
export const SIMULATOR_CREDENTIALS = {
  tenantId: '5f0b2c4e-7d1a-4c3b-9e8f-0a1b2c3d4e5f',
  clientId: '9c1e7b52-3f4a-4d6e-8b2c-1d0e9f8a7b6c',
  clientSecret: 'simulated-client-secret',
  refreshToken: 'simulated-refresh-token',
} as const;

/** How to set up a simulator; every option has a default. */
export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** The simulator's "now": token lifetimes, updatedDateTime, acceptedDateTime, closedDateTime. */
  clock?: () => DateTime;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The refresh token of the signed-in user that the token endpoint accepts at start. */
  refreshToken?: string;
  /** `expires_in` of access tokens; 3600 by default. */
  accessTokenLifetimeSeconds?: number;
  /** Each refresh token works once: its redemption revokes it (see TokenIssuerSettings). Off, as in Entra. */
  singleUseRefreshTokens?: boolean;
  /** `expires_in` of device codes, and the polling `interval` they ask for; 900 and 5 by default, as Entra's. */
  deviceCodeLifetimeSeconds?: number;
  deviceCodeIntervalSeconds?: number;
  /** Default and largest `$top`; 100 by default. */
  pageSize?: number;
  /**
   * At most this many referrals a page, whatever `$top` asks, with `@odata.nextLink` to the
   * rest: paging driven by the service, as OData allows. Off by default.
   */
  servedPageSize?: number;
  /** Referrals held from the start. */
  referrals?: readonly Record<string, unknown>[];
  /**
   * Serves requests that are neither the Referrals API nor the token endpoint (e.g. a
   * certificate URL). Returns true when it answered the request, false to get a 404.
   */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** The origin written into `@odata.nextLink`; by default the one the request was sent to. */
  nextLinkOrigin?: string;
}

/** One request the simulator received, as answered. */
export interface SimulatorRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}
