import type { Response } from 'restify';
import { ConflictError, isStorageUnavailable, statusOf, storageAccessProblem, storageFailureText } from '../store';

/** How long a sender is asked to wait (`Retry-After`) before it sends again what could not be taken now. */
export const RETRY_AFTER_SECONDS = 30;

/** What a 503 says: a code, and a sentence for the sender. */
export interface Unavailable {
  error: string;
  message: string;
}

/** Answers 503 with `Retry-After`: the request may be right, but cannot be taken now; nothing of it is kept. */
export function tryAgainLater(res: Response, body: Unavailable): void {
  res.header('Retry-After', String(RETRY_AFTER_SECONDS));
  res.send(503, body);
}

/**
 * Why a delivery could not be stored, when that passes by itself: storage unavailable, or the
 * referrals kept changing while they were stored. The answer names neither addresses nor the
 * storage client's words; `cause` is for the log. Undefined for anything else (a fault).
 */
export function passingFailure(error: unknown): (Unavailable & { cause: string }) | undefined {
  if (isStorageUnavailable(error)) {
    const code = String(statusOf(error) ?? (error as { code?: unknown }).code);
    const message = 'Storage is not available right now, so nothing of it was kept';
    const cause = storageAccessProblem(error) ? storageFailureText(error) : `storage unavailable (${code})`;
    return { error: 'storage_unavailable', message, cause };
  }
  if (error instanceof ConflictError) {
    return {
      error: 'busy',
      message: 'Its referrals kept changing while they were stored, so nothing of it was kept',
      cause: error.message,
    };
  }
  return undefined;
}
