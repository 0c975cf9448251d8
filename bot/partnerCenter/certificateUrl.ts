/**
 * Where Partner Center's webhook signing certificate is published, as far as public sources
 * tell: its webhook documentation shows deliveries carrying
 * `X-MS-Certificate-Url: https://3psostorageacct.blob.core.windows.net/cert/pcnotifications-dispatch.microsoft.com.cer`
 * (older revisions: `.../cert/pcnotifications.microsoft.com.cer`), the same host in every
 * revision. That the host never changes is not promised anywhere, hence a setting
 * (`PARTNER_CENTER_CERTIFICATE_HOSTS`).
 */
export const PARTNER_CENTER_CERTIFICATE_HOST = '3psostorageacct.blob.core.windows.net';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const WILDCARD = new RegExp(`^\\*\\.${LABEL}(?:\\.${LABEL})+$`);

/**
 * Why an entry of the allowed certificate hosts is unusable, or undefined when it is fine:
 * a host name (`host.example.com`, an IPv4 address, `localhost`), or `*.` and a suffix of at
 * least two labels (`*.example.com`), which allows every name under that suffix.
 */
export function allowedHostProblem(entry: string): string | undefined {
  const host = entry.toLowerCase();
  if (HOST.test(host) || WILDCARD.test(host)) return undefined;
  if (host.startsWith('*.'))
    return `"${entry}" is too wide or not a host name: a wildcard needs a suffix of at least two labels, like *.example.com`;
  return `"${entry}" is not a host name (or *. and a domain)`;
}

/** Whether `host` is one of `allowedHosts`, or a name under one of its `*.suffix` entries. Case-insensitive. */
export function hostIsAllowed(host: string, allowedHosts: readonly string[]): boolean {
  const name = host.toLowerCase();
  return allowedHosts.some((entry) => {
    const allowed = entry.toLowerCase();
    if (!allowed.startsWith('*.')) return name === allowed;
    const suffix = allowed.slice(1);
    return name.endsWith(suffix) && name.length > suffix.length;
  });
}

/**
 * Why the certificate at `url` must not be downloaded, or the URL to download. Only
 * `https:` to an allowed host (any port), with no user name or password in it; `http:` only
 * when `allowInsecureHttp` is set, which is for tests against a local certificate server.
 * Decided before any request is made, so a forged delivery cannot make the desk fetch
 * from anywhere else.
 */
export function checkCertificateUrl(
  url: string,
  allowedHosts: readonly string[],
  allowInsecureHttp = false,
): { url: URL } | { refusal: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { refusal: `the certificate URL "${url}" is not an absolute URL` };
  }
  const schemeAllowed = parsed.protocol === 'https:' || (allowInsecureHttp && parsed.protocol === 'http:');
  if (!schemeAllowed)
    return { refusal: `the certificate URL must use https, not ${parsed.protocol.replace(/:$/, '')}` };
  if (parsed.username || parsed.password)
    return { refusal: 'the certificate URL must not carry a user name or password' };
  if (!hostIsAllowed(parsed.hostname, allowedHosts)) {
    return {
      refusal: `the certificate host ${parsed.hostname} is not one of the allowed hosts (${allowedHosts.join(', ')})`,
    };
  }
  return { url: parsed };
}
