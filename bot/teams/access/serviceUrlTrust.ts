import { isLoopbackHost } from '../../config';

/**
 * Which service URLs replies may go to. An authenticated activity's URL is vouched for by
 * its token; without authentication, any URL is trusted only while the desk listens on
 * loopback (everyone who can reach it is on this machine); otherwise only URLs of this
 * machine, so nobody can make the desk send cards, or its conversations, elsewhere.
 */
export function serviceUrlTrust(
  authenticated: boolean,
  host: string | undefined,
): (serviceUrl: string | undefined) => boolean {
  if (authenticated || (host !== undefined && isLoopbackHost(host))) return () => true;
  return (serviceUrl) => serviceUrl !== undefined && isLoopbackUrl(serviceUrl);
}

function isLoopbackUrl(serviceUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(serviceUrl).hostname);
  } catch {
    return false;
  }
}
