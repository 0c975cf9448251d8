import { DEFAULT_DIGEST_TIME, digestPlan, digestScheduleId } from '../domain/digestSchedule';
import type { Region } from '../domain/routing';
import { regionsManagedBy } from '../domain/permissions';
import type { Actor } from '../domain/referral';
import { hoursOfUser } from '../domain/workingHours';
import type { UserProfile } from '../store';
import { regionsWithManagers } from './managedRegions';
import type { UseCaseDeps } from './ports';

/** What planning digests reads and writes. */
export type DigestPlanDeps = Pick<
  UseCaseDeps,
  'users' | 'schedule' | 'defaultHours' | 'clock' | 'regions' | 'roles' | 'admins'
>;

/** Whom a digest is for: an actor id (AAD object id or Teams id), with their Teams id when known. */
export type DigestReader = Pick<Actor, 'id'> & Partial<Actor>;

/** The regions `reader` manages as things stand: every region for an admin. */
export async function digestRegionsOf(
  deps: Pick<UseCaseDeps, 'regions' | 'roles' | 'admins'>,
  reader: DigestReader,
): Promise<Region[]> {
  return regionsManagedBy(reader, await regionsWithManagers(deps), deps.admins);
}

/** The reader's time zone (their own, else what Teams reported, else the desk's default). */
export async function readerZone(
  deps: Pick<UseCaseDeps, 'users' | 'defaultHours'>,
  reader: DigestReader,
): Promise<string> {
  return (await deps.users.find(reader.id))?.timeZone ?? deps.defaultHours.timeZone;
}

/**
 * Everyone a weekly digest may go to: the admins and every region's managers (of the
 * regions file and granted), each once, by the id they are named by. Whether each wants it
 * is `wantsWeeklyDigest` of their profile.
 */
export async function digestReaders(deps: Pick<UseCaseDeps, 'regions' | 'roles' | 'admins'>): Promise<string[]> {
  const regions = await regionsWithManagers(deps);
  return [...new Set([...deps.admins, ...regions.flatMap((region) => region.managers ?? [])])];
}

/** Whether a user gets the weekly digest: unless they said `digest off`. */
export function wantsWeeklyDigest(profile: Pick<UserProfile, 'digestOff'> | null): boolean {
  return profile?.digestOff !== true;
}

/**
 * Stores when a manager's coming weekly digests are due: at their day and time in their
 * zone; none when they said `digest off` or manage no region (any more). Called on start for
 * every manager, and again whenever what it depends on changes (their settings, `digest
 * on/off`, managers added or removed) and after each digest is sent.
 */
export async function planDigest(services: DigestPlanDeps, managerId: string): Promise<void> {
  const profile = await services.users.find(managerId);
  const reads = (await digestReaders(services)).includes(managerId);
  const plan =
    reads && wantsWeeklyDigest(profile)
      ? digestPlan(
          profile?.digestTime ?? DEFAULT_DIGEST_TIME,
          hoursOfUser(profile, services.defaultHours),
          services.clock(),
        )
      : [];
  // One revision for all of a manager's plans: the latest written is the one that holds.
  await services.schedule.replacePlan(digestScheduleId(managerId), plan, 1);
}

/** Plans the weekly digest of everyone who may get one (the admins and every region's managers). */
export async function planAllDigests(services: DigestPlanDeps): Promise<void> {
  for (const managerId of await digestReaders(services)) await planDigest(services, managerId);
}
