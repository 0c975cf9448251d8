/**
 * Entra ID's refusals of a token request, said as what to fix: which setting was refused
 * (PARTNER_CENTER_…), with Entra's error and AADSTS text so the cause can be looked up.
 */

/** What Entra answered, and which credentials were sent. */
export interface TokenRefusal {
  status: number;
  body: unknown;
  tokenUrl: string;
  tenantId: string;
  clientId: string;
}

/** Entra's error code and the first line of its description (the rest is trace ids and a timestamp). */
export function entraError(body: unknown): { error?: string; description?: string; codes: number[] } {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const error = typeof record.error === 'string' ? record.error : undefined;
  const description =
    typeof record.error_description === 'string' ? record.error_description.split(/\r?\n/)[0].trim() : undefined;
  const codes = Array.isArray(record.error_codes)
    ? record.error_codes.filter((c): c is number => typeof c === 'number')
    : [];
  return { error, description, codes };
}

/** Whether a refusal may pass by itself (throttling, Entra unavailable), so trying again later makes sense. */
export function isTransientTokenStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The message for a refused token request, naming the setting to fix. */
export function describeTokenRefusal(refusal: TokenRefusal): string {
  const { error, description, codes } = entraError(refusal.body);
  const said = [error, description].filter(Boolean).join(': ') || `HTTP ${refusal.status} without an error`;
  if (isTransientTokenStatus(refusal.status)) {
    return `The token endpoint ${refusal.tokenUrl} is not answering (${refusal.status}): ${said}; the desk tries again later`;
  }
  if (codes.includes(90002) || codes.includes(900023)) {
    return `PARTNER_CENTER_TENANT_ID "${refusal.tenantId}" was not found (${said}); set it to the directory (tenant) id of the partner's Partner Center account`;
  }
  if (error === 'unauthorized_client' || codes.includes(700016)) {
    return `PARTNER_CENTER_CLIENT_ID "${refusal.clientId}" is not an app of tenant ${refusal.tenantId} (${said}); check PARTNER_CENTER_CLIENT_ID and PARTNER_CENTER_TENANT_ID`;
  }
  if (error === 'invalid_client') {
    return `PARTNER_CENTER_CLIENT_SECRET was refused for app ${refusal.clientId} (${said}); set it to the value of a client secret of that app (not the secret's id) that has not expired`;
  }
  if (error === 'invalid_grant') {
    return `PARTNER_CENTER_REFRESH_TOKEN was refused (${said}); sign in again with the app as a user with the Referrals Admin or Referrals User role and set the new refresh token`;
  }
  if (error === 'invalid_scope') {
    return `Entra refused the Partner Center scope for app ${refusal.clientId} (${said}); give the app registration the Partner Center API permission (user_impersonation) and consent to it`;
  }
  return `The token endpoint ${refusal.tokenUrl} refused to renew the Partner Center access token (${refusal.status}, ${said})`;
}
