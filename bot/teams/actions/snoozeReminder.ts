import { stageOfRecord } from '../../domain/stage';
import { answerDeadlineOf } from '../../domain/timeLimits';
import { deliveryTime, hoursOfUser, isSnoozeChoice, snoozeUntil } from '../../domain/workingHours';
import type { Services } from '../../services';
import { describeProblems, messageResponse } from '../invokeResponses';
import { localDateTime } from '../views/format';
import type { ActionHandler } from './actionHandler';
import { applyLifecycleAction, type LifecycleServices } from './applyLifecycleAction';
import { InputReader } from './inputReader';

/** What a snooze uses: the clicking user's working hours, and the snooze as a lifecycle action. */
export type SnoozeServices = Pick<Services, 'users' | 'defaultHours'> & LifecycleServices;

/**
 * Snooze on a reminder: it comes back to the clicking user, as a direct message, in 1 or 4
 * hours or at the start of their next working day, in their time zone, and never past the
 * deadline. The answer says when, as that user's working hours will deliver it.
 */
export const snoozeReminder: ActionHandler<SnoozeServices> = async ({ data, services, actor }) => {
  const { strings } = services;
  const read = InputReader.of(data);
  const referralId = read.text('referralId', { required: true, max: 128 });
  const choice = read.text('snooze', { required: true, max: 40 });
  if (choice && !isSnoozeChoice(choice)) read.problems.push({ field: 'snooze', problem: 'unknownChoice' });
  if (read.problems.length > 0 || !isSnoozeChoice(choice))
    return messageResponse(strings.actions.fixInput(describeProblems(read.problems, strings)));

  const stored = await services.referrals.get(referralId);
  if (!stored) return messageResponse(strings.actions.notFound);
  const hours = hoursOfUser(await services.users.get(actor.id), services.defaultHours);
  // Only an undecided referral has a deadline; a decided one is refused by the lifecycle below.
  const stage = stageOfRecord(stored.record);
  const deadline = stage === 'received' || stage === 'evaluating' ? answerDeadlineOf(stored.record) : undefined;
  const now = services.clock();
  const until = snoozeUntil(choice, now, hours, deadline);
  if (until <= now) return messageResponse(strings.reminders.tooLateToSnooze);
  const comesBack = deliveryTime(until, hours, deadline);
  return applyLifecycleAction(services, referralId, { action: 'snooze', input: { until: until.toISO()! } }, actor, {
    read: Promise.resolve(stored),
    changed: () => messageResponse(strings.reminders.snoozed(localDateTime(comesBack, hours.timeZone, strings.format))),
  });
};
