import { normalizeCountryCode } from './countries';

/** A region from the regions file: a named list of ISO-3166 alpha-2 countries. */
export interface Region {
  code: string;
  name: string;
  countries: readonly string[];
  /** Users (AAD object ids or Teams user ids) who manage the region's deals; they hear of referrals about to expire unanswered. */
  managers?: readonly string[];
  /** Users (AAD object ids or Teams user ids) who answer the region's referrals; reminders in the channel mention them. */
  responders?: readonly string[];
  /** How its referrals are answered; the newer direct flow unless set. */
  responseFlow?: ResponseFlow;
}

/**
 * `direct`: accept or decline within 14 days (Partner Center today). `twoStep`: the older
 * flow, Interested or No thanks within 72 hours, then accept or decline within 7 days.
 */
export type ResponseFlow = 'direct' | 'twoStep';

/** What a channel can be linked to. */
export type LinkTarget =
  { kind: 'country'; code: string } | { kind: 'region'; code: string } | { kind: 'fallback'; code: 'fallback' };

/** A Teams channel a card can be posted to. */
export interface ChannelRef {
  /** The channel's conversation id (`19:…@thread.tacv2`), without any `;messageid=` suffix. */
  conversationId: string;
  teamId?: string;
  channelName?: string;
}

export interface ChannelLink {
  target: LinkTarget;
  channel: ChannelRef;
}

export const FALLBACK_CODE = 'fallback';

/**
 * Reads what a user typed after `link`/`unlink`: a region code from the regions file,
 * a country code, or `fallback`. Region codes win over a country of the same spelling.
 */
export function parseLinkTarget(token: string, regions: readonly Region[]): LinkTarget | undefined {
  const lower = token.trim().toLowerCase();
  if (lower === FALLBACK_CODE) return { kind: 'fallback', code: FALLBACK_CODE };
  const region = regions.find((r) => r.code === lower);
  if (region) return { kind: 'region', code: region.code };
  const country = normalizeCountryCode(lower);
  return country ? { kind: 'country', code: country } : undefined;
}

/**
 * The channel a referral for `country` goes to: a link of that country beats a link of
 * a region containing it (the smallest such region first), which beats the fallback.
 */
export function resolveChannel(
  country: string,
  links: readonly ChannelLink[],
  regions: readonly Region[],
): ChannelLink | undefined {
  const byCountry = links.find((l) => l.target.kind === 'country' && l.target.code === country);
  if (byCountry) return byCountry;
  for (const region of regionsOf(country, regions)) {
    const link = links.find((l) => l.target.kind === 'region' && l.target.code === region.code);
    if (link) return link;
  }
  return links.find((l) => l.target.kind === 'fallback');
}

/** A channel conversation id without the thread suffix Teams adds to replies. */
export function channelConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

/** The response flow for a referral from `country`: that of the smallest region containing it that sets one. */
export function responseFlowFor(country: string, regions: readonly Region[]): ResponseFlow {
  return regionsOf(country, regions).find((r) => r.responseFlow)?.responseFlow ?? 'direct';
}

/** The regions a referral from `country` belongs to, the smallest first (the most specific). */
function regionsOf(country: string, regions: readonly Region[]): Region[] {
  return regions
    .filter((r) => r.countries.includes(country))
    .sort((a, b) => a.countries.length - b.countries.length || a.code.localeCompare(b.code));
}

/**
 * The regions, as referrals are counted under them (see regionOf), whose referrals the links
 * as they stand send to `channelId`: every one and NO_REGION when it takes the fallback; else
 * the region of each linked country, and each linked region with the regions inside it. Some
 * of their referrals may go elsewhere (a country linked to another channel). Pure.
 */
export function regionsRoutedTo(
  channelId: string,
  links: readonly ChannelLink[],
  regions: readonly Region[],
): string[] {
  const here = links.filter((link) => link.channel.conversationId === channelId).map((link) => link.target);
  if (here.some((target) => target.kind === 'fallback')) return [...regions.map((r) => r.code), NO_REGION];
  const codes = here.flatMap((target) => {
    if (target.kind === 'country') return [regionOf(target.code, regions)];
    const linked = regions.find((r) => r.code === target.code);
    const inside = regions.filter((r) => linked && r.countries.every((c) => linked.countries.includes(c)));
    return inside.map((r) => r.code);
  });
  return [...new Set(codes)];
}

/** Who manages referrals from `country`: the managers of every region containing it. */
export function regionManagers(country: string, regions: readonly Region[]): string[] {
  return [...new Set(regionsOf(country, regions).flatMap((region) => region.managers ?? []))];
}

/** Who answers referrals from `country` and is named when they wait: the responders of every region containing it. */
export function regionResponders(country: string, regions: readonly Region[]): string[] {
  return [...new Set(regionsOf(country, regions).flatMap((region) => region.responders ?? []))];
}

/** What a referral whose country no region contains counts under. */
export const NO_REGION = 'none';

/** The region a referral from `country` is counted under: the smallest containing it. */
export function regionOf(country: string, regions: readonly Region[]): string {
  return regionsOf(country, regions)[0]?.code ?? NO_REGION;
}
