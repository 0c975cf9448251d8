import { names } from './permissions';
import type { Actor, ReferralRecord } from './referral';
import { regionManagers, regionResponders, resolveChannel, type ChannelLink, type Region } from './routing';

/** Tenants whose people the desk serves; `any` only for a local run without authentication. */
export type TenantRule = readonly string[] | 'any';

/** Whether an activity from `tenantId` may reach the desk (tenant ids compare without case). */
export function tenantAllowed(tenantId: string | undefined, rule: TenantRule): boolean {
  if (rule === 'any') return true;
  return tenantId !== undefined && rule.includes(tenantId.toLowerCase());
}

/**
 * Who may change where referrals go (`link`, `unlink`): `owners` — the desk's admins, the
 * team's owners and whoever installed the desk in the team; `admins` — the desk's admins
 * alone; `members` — anyone in the team (guests never). LINK_EDITORS in env.sample.
 */
export type LinkEditorRule = 'owners' | 'admins' | 'members';

/** What the desk knows of the person sending `link` or `unlink` in a team. */
export interface LinkEditor {
  /** Named in DESK_ADMINS. */
  admin: boolean;
  /** A team owner by Teams' roster, or whoever installed the desk in the team. */
  teamOwner: boolean;
  /** A guest of the team (another organisation's account). */
  guest: boolean;
}

/** Whether `editor` may link or unlink channels of the team under `rule`. */
export function mayEditLinks(editor: LinkEditor, rule: LinkEditorRule): boolean {
  if (editor.admin) return true;
  if (editor.guest) return false;
  switch (rule) {
    case 'admins':
      return false;
    case 'owners':
      return editor.teamOwner;
    case 'members':
      return true;
  }
}

/**
 * What decides whether someone sees a referral: who they are (admins see every referral,
 * a region's managers and responders those of its countries), the teams they belong to of
 * those the desk is installed in, and the channel they act in.
 */
export interface Viewer {
  actor: Pick<Actor, 'id' | 'teamsId'>;
  admin: boolean;
  /** Installed teams the viewer is a member of. */
  teams: ReadonlySet<string>;
  /** The channel the viewer acts in (a click on a channel's card), if any. */
  channelId?: string;
}

/** Where a referral lives in Teams: the channel of its card, and the team of that channel (or of the channel it would go to). */
export interface ReferralHome {
  channelId?: string;
  teamId?: string;
}

/**
 * Where a referral lives: the channel its card was posted in, else the channel it would go
 * to now; the team is that of the channel, as its link names it.
 */
export function referralHome(
  record: ReferralRecord,
  cardChannelId: string | undefined,
  links: readonly ChannelLink[],
  regions: readonly Region[],
): ReferralHome {
  const routed = resolveChannel(record.referral.customerProfile.address.country, links, regions)?.channel;
  const channelId = cardChannelId ?? routed?.conversationId;
  const teamId = links.find((link) => link.channel.conversationId === channelId)?.channel.teamId ?? routed?.teamId;
  return { channelId, teamId };
}

/**
 * Whether `viewer` sees a referral on grounds that need no look-up of where it goes: an
 * admin; its owner or a team member working it; someone acting in the very channel of its
 * card. Undecided (false) leaves it to `maySee`.
 */
export function seesAtOnce(viewer: Viewer, record: ReferralRecord, cardChannelId: string | undefined): boolean {
  if (viewer.admin) return true;
  if (cardChannelId !== undefined && cardChannelId === viewer.channelId) return true;
  const workers = [record.desk.owner?.id, ...(record.desk.teamAccounts ?? []).map((account) => account.actor.id)];
  return workers.includes(viewer.actor.id);
}

/**
 * Whether `viewer` may see (and so act on, as far as the lifecycle allows) a referral: as
 * `seesAtOnce` says; a manager or responder of a region containing its country (with
 * managers granted by admins in `regions`); or a member of the team whose channel holds
 * (or would receive) its card, or someone acting in that channel.
 */
export function maySee(
  viewer: Viewer,
  record: ReferralRecord,
  home: ReferralHome,
  regions: readonly Region[],
): boolean {
  if (seesAtOnce(viewer, record, home.channelId)) return true;
  const country = record.referral.customerProfile.address.country;
  if (names([...regionManagers(country, regions), ...regionResponders(country, regions)], viewer.actor)) return true;
  return home.teamId !== undefined && viewer.teams.has(home.teamId);
}

/**
 * Whether someone outside any installed team may still use the desk in a personal chat:
 * an admin, or a manager or responder of some region (the regions file's, or granted).
 */
export function hasDeskRole(
  actor: Pick<Actor, 'id' | 'teamsId'>,
  admins: readonly string[],
  regions: readonly Region[],
): boolean {
  return (
    names(admins, actor) ||
    regions.some((region) => names([...(region.managers ?? []), ...(region.responders ?? [])], actor))
  );
}
