import type { DateTime } from 'luxon';
import { cardAttachment } from '../../cards/render';
import { responsiblePerson, type PlannedWork } from '../domain/reminderPlan';
import type { Actor, ReferralRecord } from '../domain/referral';
import { servicesFor, type LanguageServices } from '../languages';
import type { Services } from '../services';
import type { ScheduledWork } from '../store';
import { channelReferenceOf, sendDirect, personalCard, type DirectServices, type PersonalCardServices } from '../teams';
import { reminderText } from './reminderText';
import type { WorkResult } from './scheduler';
import { isOwed, stillOwed, type OwedServices } from './stillOwed';

/** What a direct reminder uses: the work's check, the person's language, chat and card, and their card's tracking. */
export type DirectReminderServices = OwedServices &
  LanguageServices &
  DirectServices &
  PersonalCardServices &
  Pick<Services, 'directCards' | 'log'>;

/**
 * A reminder to one person, as a direct message: to whoever is to answer before the
 * deadline, to a manager when a referral is about to expire unanswered, to the owner of a
 * deal whose close date has passed, or to whoever snoozed a reminder. It carries that
 * person's own card, with what they may do and Snooze (and for a stale deal, moving the
 * close date). Someone Teams will not let the bot reach is logged, not retried.
 */
export async function sendDirectReminder(
  services: DirectReminderServices,
  work: ScheduledWork,
  now: DateTime,
): Promise<WorkResult> {
  const owed = await stillOwed(services, work, now);
  if (!isOwed(owed)) return owed;
  const { stored, planned } = owed;
  const { record } = stored;
  const recipient = recipientOf(record, planned);
  const theirs = await servicesFor(services, recipient.id);
  const text = reminderText(record, planned, now, theirs.strings);
  const activity = {
    type: 'message',
    text,
    // Drawn at the instant the text speaks of, so both state the same time left.
    attachments: [
      cardAttachment(await personalCard({ ...theirs, clock: () => now }, record, recipient, { reminder: true })),
    ],
  };
  const outcome = await sendDirect(services, recipient, activity, await channelReferenceOf(services, stored));
  if (!outcome.sent)
    services.log.error(
      `${planned.kind} of referral ${record.referral.id} not delivered to ${recipient.id}: ${outcome.reason}`,
    );
  // Kept in step with the referral from now on, like the card in the channel.
  else
    await services.directCards.track({
      referralId: record.referral.id,
      chatId: outcome.chatId,
      activityId: outcome.activityId,
      viewer: recipient,
      text,
      reminder: true,
      revision: record.desk.revision,
    });
  return 'done';
}

/** The person the plan addresses, as the referral knows them (a manager by id alone). */
function recipientOf(record: ReferralRecord, planned: PlannedWork): Actor {
  const known = [
    record.desk.owner,
    responsiblePerson(record),
    ...(record.desk.snoozes ?? []).map((snooze) => snooze.by),
  ];
  const id = planned.recipient!;
  return known.find((actor) => actor?.id === id) ?? { id, name: id };
}
