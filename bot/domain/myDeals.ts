import type { DateTime } from 'luxon';
import type { Viewer } from './access';
import type { DealSummary } from './dealSummary';
import { byUrgency } from './dealUrgency';
import { names } from './permissions';
import {
  NO_REGION,
  regionManagers,
  regionOf,
  regionResponders,
  resolveChannel,
  type ChannelLink,
  type Region,
} from './routing';
import { parseInstant } from './timeLimits';

/**
 * Whether `viewer` answers referrals from `country`: a manager or responder of a region
 * containing it, or a member of the team whose channel they go to (`teamId`).
 */
export function answersFor(
  viewer: Pick<Viewer, 'actor' | 'teams'>,
  country: string,
  teamId: string | undefined,
  regions: readonly Region[],
): boolean {
  if (names([...regionManagers(country, regions), ...regionResponders(country, regions)], viewer.actor)) return true;
  return teamId !== undefined && viewer.teams.has(teamId);
}

/**
 * The regions whose open referrals may hold some `viewer` answers for (see answersFor): those
 * they manage or answer for, and those their teams' channels are linked to (a country's
 * region; every region, and the referrals of none, for a fallback channel). A referral counts
 * under the smallest region containing its country, so every region sharing a country with
 * those is read too.
 */
export function answeredRegionCodes(
  viewer: Pick<Viewer, 'actor' | 'teams'>,
  links: readonly ChannelLink[],
  regions: readonly Region[],
): string[] {
  const teamLinks = links.filter((link) => link.channel.teamId !== undefined && viewer.teams.has(link.channel.teamId));
  if (teamLinks.some((link) => link.target.kind === 'fallback'))
    return [...regions.map((region) => region.code), NO_REGION];
  const codes = new Set<string>();
  const countries = new Set<string>();
  for (const region of regions) {
    if (names([...(region.managers ?? []), ...(region.responders ?? [])], viewer.actor))
      region.countries.forEach((country) => countries.add(country));
  }
  for (const { target } of teamLinks) {
    if (target.kind === 'country') codes.add(regionOf(target.code, regions));
    if (target.kind === 'region')
      regions.find((region) => region.code === target.code)?.countries.forEach((country) => countries.add(country));
  }
  for (const region of regions) if (region.countries.some((country) => countries.has(country))) codes.add(region.code);
  return [...codes];
}

/**
 * The undecided referrals among a region's open ones that `viewer` answers for, as the
 * channel links route them now, and that may still be answered (their deadline is ahead).
 * A row indexed without its country is kept, for the stored referral to decide.
 */
export function undecidedToAnswer(
  open: readonly DealSummary[],
  viewer: Pick<Viewer, 'actor' | 'teams'>,
  links: readonly ChannelLink[],
  regions: readonly Region[],
  now: DateTime,
): DealSummary[] {
  return open.filter((deal) => {
    if (!isAnswerable(deal, now)) return false;
    if (deal.country === undefined) return true;
    return answersFor(viewer, deal.country, resolveChannel(deal.country, links, regions)?.channel.teamId, regions);
  });
}

/** Whether a referral is undecided and may still be answered: its deadline is ahead. */
export function isAnswerable(deal: DealSummary, now: DateTime): boolean {
  if (deal.stage !== 'received' && deal.stage !== 'evaluating') return false;
  return deal.deadline === undefined || parseInstant(deal.deadline) > now;
}

/**
 * What `my deals` lists: the undecided referrals to answer and the user's own deals, each
 * once, the most urgent first (see byUrgency), so the undecided lead by the time left.
 */
export function myDealsList(
  own: readonly DealSummary[],
  toAnswer: readonly DealSummary[],
  now: DateTime,
): DealSummary[] {
  const ownIds = new Set(own.map((deal) => deal.referralId));
  const unique = new Map(
    toAnswer.filter((deal) => !ownIds.has(deal.referralId)).map((deal) => [deal.referralId, deal]),
  );
  return byUrgency([...own, ...unique.values()], now);
}
