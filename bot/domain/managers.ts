import type { Region } from './routing';

/** A user an admin made a manager of a region (with `managers add`), as stored. */
export interface ManagerGrant {
  region: string;
  /** `id` is the actor id (AAD object id when Teams knows one), as the regions file names managers. */
  user: { id: string; name: string; teamsId?: string; email?: string };
  grantedBy: { id: string; name: string };
  /** ISO instant. */
  grantedAt: string;
}

/**
 * The regions with each one's granted managers added to those the regions file names, so
 * every rule that reads a region's managers (escalations, handing deals over, digests)
 * counts both. Each manager is named once, by actor id: a second id of the same person
 * would have them escalated to twice. Pure.
 */
export function withGrantedManagers(regions: readonly Region[], grants: readonly ManagerGrant[]): Region[] {
  return regions.map((region) => {
    const granted = grants.filter((grant) => grant.region === region.code).map((grant) => grant.user.id);
    if (granted.length === 0) return region;
    const configured = region.managers ?? [];
    return { ...region, managers: [...configured, ...granted.filter((id) => !configured.includes(id))] };
  });
}
