import type { ReferralRecord } from '../domain/referral';
import { planFor, responsiblePerson, type PlanAudience, type PlannedWork } from '../domain/reminderPlan';
import { regionManagers } from '../domain/routing';
import { hoursOfUser } from '../domain/workingHours';
import { regionsWithManagers } from './managedRegions';
import type { UseCaseDeps } from './ports';

/** What planning a referral's due work reads and writes. */
export type PlanningDeps = Pick<
  UseCaseDeps,
  'regions' | 'roles' | 'users' | 'defaultHours' | 'reminderPolicy' | 'schedule'
>;

/**
 * Who the referral's direct messages go to and when each of them works: the region's
 * managers, and the working hours of everyone the plan may message, from their profiles.
 */
async function audienceOf(services: Omit<PlanningDeps, 'schedule'>, record: ReferralRecord): Promise<PlanAudience> {
  const managers = regionManagers(record.referral.customerProfile.address.country, await regionsWithManagers(services));
  const people = new Set([...managers, ...(record.desk.snoozes ?? []).map((snooze) => snooze.by.id)]);
  const person = responsiblePerson(record);
  if (person) people.add(person.id);
  const profiles = new Map(
    await Promise.all([...people].map(async (id) => [id, await services.users.find(id)] as const)),
  );
  return {
    managers,
    hoursOf: (id) => hoursOfUser(profiles.get(id), services.defaultHours),
    turnedOff: (id) => profiles.get(id)?.messagesOff ?? [],
  };
}

/** The scheduled work the referral is owed as it stands, with its people's working hours as they are now. */
export async function currentPlan(
  services: Omit<PlanningDeps, 'schedule'>,
  record: ReferralRecord,
): Promise<PlannedWork[]> {
  return planFor(record, services.reminderPolicy, await audienceOf(services, record));
}

/** Stores the scheduled work a referral is owed as it now stands (what the scheduler runs). */
export async function planReferral(services: PlanningDeps, record: ReferralRecord): Promise<void> {
  await services.schedule.replacePlan(record.referral.id, await currentPlan(services, record), record.desk.revision);
}
