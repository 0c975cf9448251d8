import { DEFAULT_DIGEST_TIME, digestPlan, digestScheduleId } from './domain/digestSchedule';
import { hoursOfUser } from './domain/workingHours';
import type { Services } from './services';
import { digestReaders, wantsWeeklyDigest } from './teams/managerDigest';

/**
 * Stores when a manager's coming weekly digests are due: at their day and time in their
 * zone; none when they said `digest off` or manage no region (any more). Called on start for
 * every manager, and again whenever what it depends on changes (their settings, `digest
 * on/off`, managers added or removed) and after each digest is sent.
 */
export async function planDigest(services: Services, managerId: string): Promise<void> {
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
export async function planAllDigests(services: Services): Promise<void> {
  for (const managerId of await digestReaders(services)) await planDigest(services, managerId);
}
