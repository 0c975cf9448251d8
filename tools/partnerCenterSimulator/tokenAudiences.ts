/**
 * The resources the simulated directory issues tokens for, and how a requested scope names
 * one of them: a token is for exactly one resource, as in Entra ID.
 */

/** The resource of the Referrals API: what the desk's access tokens are for. */
export const PARTNER_CENTER_AUDIENCE = 'https://api.partner.microsoft.com';

/** The resource of Partner Center's webhook registration API, a different one. */
export const PARTNER_CENTER_WEBHOOK_AUDIENCE = 'https://api.partnercenter.microsoft.com';

/** The resources this directory issues tokens for; one token is for one of them. */
export const AUDIENCES = [PARTNER_CENTER_AUDIENCE, PARTNER_CENTER_WEBHOOK_AUDIENCE];

const ALSO_ALLOWED_SCOPES = ['offline_access', 'openid', 'profile', 'email'];

/** The resource a scope such as `https://api.partner.microsoft.com/user_impersonation` is for, if any. */
export function resourceOf(scope: string): string | undefined {
  return AUDIENCES.find((audience) => scope.startsWith(`${audience}/`));
}

/**
 * Why Entra refuses `scope` (the text of its error), or undefined when it names exactly one
 * resource of this directory and nothing else but the OpenID scopes.
 */
export function scopeProblem(scope: string): string | undefined {
  const scopes = scope.split(/\s+/).filter(Boolean);
  const resources = new Set(scopes.map(resourceOf).filter(Boolean));
  if (resources.size === 1 && scopes.every((s) => resourceOf(s) || ALSO_ALLOWED_SCOPES.includes(s))) return undefined;
  return (
    `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' does not name one of ` +
    `${AUDIENCES.join(', ')}, the resources this directory issues tokens for here (one a request).`
  );
}
