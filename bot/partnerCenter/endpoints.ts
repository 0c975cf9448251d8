/** Where Partner Center's Referrals API and its tokens are, unless configured otherwise. */

/** The Referrals collection: lists at this URL, one referral at `<url>/<id>`. */
export const DEFAULT_PARTNER_CENTER_API_URL = 'https://api.partner.microsoft.com/v1.0/engagements/referrals';

/** Entra ID; tokens come from `<authority>/<tenant>/oauth2/v2.0/token`. */
export const DEFAULT_AUTHORITY_URL = 'https://login.microsoftonline.com';

/** The resource Partner Center's access tokens are for. */
export const PARTNER_CENTER_RESOURCE = 'https://api.partner.microsoft.com';

/** What the desk asks Entra for: Partner Center on the user's behalf, and a new refresh token. */
export const PARTNER_CENTER_SCOPE = `${PARTNER_CENTER_RESOURCE}/.default offline_access`;
