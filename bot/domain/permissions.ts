import type { Actor, LifecycleAction, ReferralRecord } from './referral';
import { regionManagers, type Region } from './routing';

/**
 * What the acting user is, beyond being themselves: an admin (all regions) or a manager of
 * the referral's region. The Teams layer looks it up; the rules here decide what it allows.
 */
export interface Authority {
  admin: boolean;
  regionManager: boolean;
}

export const NO_AUTHORITY: Authority = { admin: false, regionManager: false };

/** Whether a list of configured users (AAD object ids or Teams user ids) names `actor`. */
export function names(ids: readonly string[], actor: Pick<Actor, 'id' | 'teamsId'>): boolean {
  return ids.includes(actor.id) || (actor.teamsId !== undefined && ids.includes(actor.teamsId));
}

/** The actor's authority over a referral for `country`: admin anywhere, manager of any region containing it. */
export function authorityOf(
  actor: Actor,
  country: string,
  regions: readonly Region[],
  admins: readonly string[],
): Authority {
  return {
    admin: names(admins, actor),
    regionManager: names(regionManagers(country, regions), actor),
  };
}

/** Whether `actor` administers every region (`DESK_ADMINS` names them). */
export function isAdmin(actor: Pick<Actor, 'id' | 'teamsId'>, admins: readonly string[]): boolean {
  return names(admins, actor);
}

/** The regions `actor` manages: every one for an admin, else those whose managers name them. */
export function regionsManagedBy(
  actor: Pick<Actor, 'id' | 'teamsId'>,
  regions: readonly Region[],
  admins: readonly string[],
): Region[] {
  return isAdmin(actor, admins) ? [...regions] : regions.filter((region) => names(region.managers ?? [], actor));
}

/** Who may take an action: anyone who sees the card, the deal's workers, or its overseers. */
type Audience = 'anyone' | 'workers' | 'ownerOrOverseers';

const AUDIENCE: Record<LifecycleAction, Audience> = {
  accept: 'anyone',
  decline: 'anyone',
  expire: 'anyone',
  interested: 'anyone',
  noThanks: 'anyone',
  win: 'workers',
  lose: 'workers',
  edit: 'workers',
  moveCloseDate: 'workers',
  addMember: 'workers',
  removeMember: 'workers',
  addSolution: 'workers',
  removeSolution: 'workers',
  upgrade: 'workers',
  reassign: 'ownerOrOverseers',
  // Snoozing changes only when the snoozing person is reminded again.
  snooze: 'anyone',
};

/** Actions on a deal someone owns: only the people working it (or overseeing it) may take them. */
export const DEAL_ACTIONS = (Object.keys(AUDIENCE) as LifecycleAction[]).filter(
  (action) => AUDIENCE[action] !== 'anyone',
);

export function isDealAction(action: LifecycleAction): boolean {
  return AUDIENCE[action] !== 'anyone';
}

export function isOwner(record: ReferralRecord, actor: Pick<Actor, 'id'>): boolean {
  return record.desk.owner?.id === actor.id;
}

/** Whether `actor` works this deal: its owner or a team member with a Teams account. */
export function mayWorkOn(record: ReferralRecord, actor: Pick<Actor, 'id'>): boolean {
  return isOwner(record, actor) || (record.desk.teamAccounts ?? []).some((account) => account.actor.id === actor.id);
}

/** Whether `actor` may hand the deal to someone else: its owner, the region's managers, an admin. */
export function mayReassign(record: ReferralRecord, actor: Pick<Actor, 'id'>, authority: Authority): boolean {
  return isOwner(record, actor) || authority.admin || authority.regionManager;
}

export function mayTake(
  action: LifecycleAction,
  record: ReferralRecord,
  actor: Pick<Actor, 'id'>,
  authority: Authority,
): boolean {
  switch (AUDIENCE[action]) {
    case 'anyone':
      return true;
    case 'workers':
      return mayWorkOn(record, actor);
    case 'ownerOrOverseers':
      return mayReassign(record, actor, authority);
  }
}
