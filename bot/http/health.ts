import { storageAccessProblem, type StorageAccessProblem, type TableStorage } from '../store';

/** How long `/healthz` waits for storage to answer before it says storage is unreachable. */
export const STORAGE_PROBE_MS = 800;

/** What `/healthz` says: `ok`, `starting` or `degraded`, how storage stands, and Partner Center when it needs someone. */
export interface Health {
  status: 'ok' | 'starting' | 'degraded';
  /**
   * The kind of storage (`embedded`, `azure`) once it answers; else `unreachable`, or why it
   * turned the desk away: `sign-in failed` (no token for the desk's identity) or `access denied`.
   */
  storage: string;
  partnerCenter?: 'sign-in needed';
}

/** What the health check looks at once storage was reached at start. */
export interface HealthSources {
  storage: TableStorage;
  storageKind: string;
  /** Whether the desk's Partner Center connection lost its user's grant; absent when not connected. */
  partnerCenterSignInNeeded?: boolean;
}

/**
 * The answer to `/healthz`, within a second whatever storage does (a probe that hangs is
 * given up after STORAGE_PROBE_MS). Storage that does not answer, or refuses the desk's
 * identity, is 503: this instance cannot take work; so is a start that storage refused
 * (`startProblem`). A Partner Center connection whose refresh token Entra refused is `degraded`
 * with 200: Teams and deliveries still work, and restarting (what a failing probe leads to)
 * would not bring the token back; only a new sign-in does. Never an address or an error text.
 */
export async function healthOf(
  sources: HealthSources | undefined,
  startProblem?: StorageAccessProblem,
): Promise<{ code: number; health: Health }> {
  if (!sources) {
    if (startProblem) return { code: 503, health: { status: 'degraded', storage: startProblem } };
    return { code: 503, health: { status: 'starting', storage: 'unreachable' } };
  }
  const partnerCenter = sources.partnerCenterSignInNeeded ? { partnerCenter: 'sign-in needed' as const } : {};
  const problem = await problemWithin(sources.storage, STORAGE_PROBE_MS);
  if (problem) {
    return { code: 503, health: { status: 'degraded', storage: problem, ...partnerCenter } };
  }
  const status = sources.partnerCenterSignInNeeded ? 'degraded' : 'ok';
  return { code: 200, health: { status, storage: sources.storageKind, ...partnerCenter } };
}

type StoragePingProblem = StorageAccessProblem | 'unreachable';

/** What keeps a ping of storage from succeeding within `ms`, if anything; one still running then is called off. */
async function problemWithin(storage: TableStorage, ms: number): Promise<StoragePingProblem | undefined> {
  const controller = new AbortController();
  const gaveUp = new Promise<'unreachable'>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve('unreachable'));
  });
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const answered = storage.ping(controller.signal).then(
      () => undefined,
      (error: unknown) => storageAccessProblem(error) ?? 'unreachable',
    );
    return await Promise.race([answered, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
