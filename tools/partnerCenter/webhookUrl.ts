/**
 * Where Partner Center is to deliver the desk's events: `https://<BOT_DOMAIN>/api/partner-center/events`,
 * or a URL given with `--url`; and which webhook API to call (`--api`). Both https, except on
 * this machine, where a local desk or simulator listens on plain http.
 */
import { isLoopbackHost } from '../../bot/config';
import { CommandError } from './commandIo';

/** The desk's webhook endpoint (see bot/http/partnerCenterEventsEndpoint). */
export const EVENTS_PATH = '/api/partner-center/events';

/** `text` as an https URL (http only for a loopback host) without credentials or fragment, else undefined. */
function secureUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  return secure && !url.username && !url.password && !url.hash ? url : undefined;
}

/** The webhook URL from `--url`, else from BOT_DOMAIN; throws naming the flag or setting that is wrong or missing. */
export function webhookUrlFrom(flag: string | undefined, botDomain: string | undefined): string {
  if (flag !== undefined) {
    const url = secureUrl(flag.trim());
    if (!url) {
      throw new CommandError(
        `--url must be an https URL (http only for this machine, e.g. http://localhost:3978${EVENTS_PATH}), ` +
          `not "${flag}".`,
        2,
      );
    }
    return url.href;
  }
  const domain = botDomain?.trim() ?? '';
  if (domain === '') {
    throw new CommandError(
      'Say where the desk receives events: set BOT_DOMAIN to its host name (as for npm run package), ' +
        `or pass --url https://<host>${EVENTS_PATH}.`,
    );
  }
  const url = secureUrl(`https://${domain}`);
  if (!url || url.hostname !== domain.toLowerCase() || url.port || url.pathname !== '/') {
    throw new CommandError(
      `BOT_DOMAIN must be the desk's host name only, e.g. desk.example.com (no https://, port or path), ` +
        `not "${domain}".`,
    );
  }
  return `https://${url.hostname}${EVENTS_PATH}`;
}

/** The webhook API's base URL from `--api`; throws naming the flag when it is not a URL the command may call. */
export function apiUrlFrom(flag: string): string {
  const url = secureUrl(flag.trim());
  if (!url || url.search) {
    throw new CommandError(`--api must be an https URL without query (http only for this machine), not "${flag}".`, 2);
  }
  return url.href.replace(/\/+$/, '');
}
