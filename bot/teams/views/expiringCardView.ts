import type { AdaptiveCard } from '../../../cards/render';
import { renderReferralListCard } from '../../../cards/referralListCard';
import { summaryOf } from '../../domain/dealSummary';
import { expiringSoon, isExpiringSoon } from '../../domain/expiringSoon';
import type { Actor } from '../../domain/referral';
import { inScope, regionCodesOf, regionScopeOf, type RegionScope } from '../../domain/regionScope';
import type { Services } from '../../services';
import type { ReferralScope } from '../access/referralScope';
import type { Strings } from '../../strings/en';
import { currentSummaries } from './currentSummaries';
import { dealListItem } from './dealListItem';

/** At most this many lines: the rest is counted in a footnote. */
export const MAX_EXPIRING_LISTED = 25;
/** Candidates read again from the store; any beyond are counted as they are in the index. */
const MAX_CHECKED = 100;

/** What the expiring list reads: the viewer's regions, their open-deals index and the stored referrals. */
export type ExpiringServices = Pick<Services, 'strings' | 'regions' | 'clock' | 'admins' | 'indexes' | 'referrals'>;

/**
 * The undecided referrals of `viewer`'s regions whose deadline is within the next 3 days,
 * soonest first, each checked against the stored referral (still undecided, still due,
 * from a country of those regions).
 */
export async function expiringCard(
  services: ExpiringServices,
  viewer: Actor,
  visible: ReferralScope,
): Promise<AdaptiveCard> {
  const { strings, regions } = services;
  const now = services.clock();
  const scope = regionScopeOf(viewer, regions, services.admins);
  const open = await Promise.all(regionCodesOf(scope, regions).map((code) => services.indexes.openDeals(code)));
  const candidates = expiringSoon(open.flat(), now);
  const checked = candidates.slice(0, MAX_CHECKED).map((deal) => deal.referralId);
  const current = expiringSoon(
    await currentSummaries(
      services,
      visible,
      checked,
      (record) =>
        inScope(scope, record.referral.customerProfile.address.country) &&
        isExpiringSoon(summaryOf(record, regions), now),
    ),
    now,
  );
  const more = Math.max(0, current.length - MAX_EXPIRING_LISTED) + Math.max(0, candidates.length - MAX_CHECKED);
  return renderReferralListCard({
    title: strings.expiring.title,
    intro: scopeText(scope, strings),
    empty: strings.expiring.empty,
    items: current.slice(0, MAX_EXPIRING_LISTED).map((deal) => dealListItem(deal, viewer, now, strings)),
    openTitle: strings.dealList.open,
    footnote: more > 0 ? strings.expiring.more(more) : '',
  });
}

function scopeText(scope: RegionScope, strings: Strings): string {
  if (scope.all) return scope.why === 'admin' ? strings.expiring.scopeAdmin : strings.expiring.scopeNoRole;
  return strings.expiring.scopeRegions(strings.format.list(...scope.regions.map((region) => region.name)));
}
