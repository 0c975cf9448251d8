import { names } from './permissions';
import type { Actor } from './referral';
import { NO_REGION, type Region } from './routing';

/**
 * The regions whose referrals a user looks after: the ones they manage or answer for (the
 * regions file's `managers` and `responders`). Admins look after all of them, and so does a
 * user with no region role, whom nothing would otherwise show.
 */
export type RegionScope = { all: true; why: 'admin' | 'noRole' } | { all: false; regions: readonly Region[] };

/** The scope of `actor` (by AAD object id or Teams id, as the regions file and `DESK_ADMINS` name people). */
export function regionScopeOf(actor: Actor, regions: readonly Region[], admins: readonly string[]): RegionScope {
  if (names(admins, actor)) return { all: true, why: 'admin' };
  const own = regions.filter((region) => names(region.managers ?? [], actor) || names(region.responders ?? [], actor));
  return own.length === 0 ? { all: true, why: 'noRole' } : { all: false, regions: own };
}

/**
 * The region codes a referral in scope can be counted under. A referral counts under the
 * smallest region containing its country, which may be a region other than the user's that
 * shares countries with it; `inScope` then tells by the country. All: every region and
 * the referrals of no region.
 */
export function regionCodesOf(scope: RegionScope, regions: readonly Region[]): string[] {
  if (scope.all) return [...regions.map((region) => region.code), NO_REGION];
  const countries = new Set(scope.regions.flatMap((region) => region.countries));
  return regions
    .filter((region) => region.countries.some((country) => countries.has(country)))
    .map((region) => region.code);
}

/** Whether a referral from `country` is among those the scope covers. */
export function inScope(scope: RegionScope, country: string): boolean {
  return scope.all || scope.regions.some((region) => region.countries.includes(country));
}
