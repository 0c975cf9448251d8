import type { Activity, ConversationReference } from 'botbuilder';
import type { DateTime } from 'luxon';
import { cardAttachment } from '../../cards/render';
import type { PlannedWork } from '../domain/reminderPlan';
import type { Actor, ReferralRecord } from '../domain/referral';
import { regionResponders } from '../domain/routing';
import { stageOfRecord } from '../domain/stage';
import type { Services } from '../services';
import type { ScheduledWork } from '../store';
import { channelReferenceOf, threadOf, teamsIdentity, referralCard, type IdentityServices } from '../teams';
import { reminderText } from './reminderText';
import type { WorkResult } from './scheduler';
import { isOwed, stillOwed, type OwedServices } from './stillOwed';
import { servicesInChannel } from '../languages';

/** What a thread reminder uses: the work's check, the card's channel and its language, Teams, and the card sync for its "time left". */
export type ThreadReminderServices = OwedServices &
  IdentityServices &
  Pick<Services, 'conversations' | 'messenger' | 'cards' | 'regions' | 'strings' | 'solutions' | 'channelLanguages'>;

/** A reply names at most this many people, so it stays a message and not a roll call. */
const MAX_MENTIONS = 20;

/**
 * A nudge or a deadline reminder, as a reply in the thread of the referral's channel card.
 * A deadline reminder @mentions who is to answer (whoever said Interested, in the two-step
 * flow, else the region's responders), carries the card with its decision buttons and
 * Snooze, and brings the channel card's "time left" up to date. A card not posted yet (no
 * channel linked) is tried again later. Under a card Teams took without an id there is no
 * thread to reply in, so the reminder is posted in the card's channel instead. A deadline
 * reminder due no later than the nudge says the nudge too (see `nudgeCarriedBy`). The reminder
 * is sent once: Teams taking it without an id is success too.
 */
export async function sendThreadReminder(
  services: ThreadReminderServices,
  work: ScheduledWork,
  now: DateTime,
): Promise<WorkResult> {
  const owed = await stillOwed(services, work, now);
  if (!isOwed(owed)) return owed;
  const { stored, planned, nudge } = owed;
  const channel = await channelReferenceOf(services, stored);
  if (!channel?.conversation || !stored.card) return 'retry';
  const deadline = planned.kind === 'deadlineReminder';
  const mentions = deadline ? await whoIsToAnswer(services, stored.record, channel) : [];
  const where = stored.card.activityId
    ? threadOf(channel, stored.card.conversationId, stored.card.activityId)
    : channel;
  // Read by the channel: in its own language, when it chose one.
  const speaking = await servicesInChannel(services, stored.card.conversationId);
  await services.messenger.send(where, reminderActivity(speaking, stored.record, planned, nudge, mentions, now));
  if (deadline) await services.cards.refresh(stored.record.referral.id);
  return 'done';
}

/** Whoever said Interested (two-step flow), else the region's responders that Teams knows. */
async function whoIsToAnswer(
  services: IdentityServices & Pick<Services, 'regions'>,
  record: ReferralRecord,
  via: Partial<ConversationReference> | null,
): Promise<Actor[]> {
  if (stageOfRecord(record) === 'evaluating') {
    const interested = record.desk.lastDecision?.by;
    return interested?.teamsId ? [interested] : [];
  }
  const ids = regionResponders(record.referral.customerProfile.address.country, services.regions).slice(
    0,
    MAX_MENTIONS,
  );
  const people = await Promise.all(ids.map((id) => teamsIdentity(services, id, via)));
  return people.filter((person): person is Actor => person?.teamsId !== undefined);
}

function reminderActivity(
  services: Pick<Services, 'strings' | 'solutions'>,
  record: ReferralRecord,
  work: PlannedWork,
  nudge: PlannedWork | undefined,
  people: readonly Actor[],
  now: DateTime,
): Partial<Activity> {
  const r = services.strings.reminders;
  // A nudge the reminder speaks for is said in the same message, not lost.
  const lines = [work, nudge].flatMap((said) => (said ? [reminderText(record, said, now, services.strings)] : []));
  const mentions = people.map((person) => ({ text: `<at>${person.name}</at>`, person }));
  if (mentions.length === 1 && stageOfRecord(record) === 'evaluating') lines.push(r.forYou(mentions[0].text));
  else if (mentions.length > 0) lines.push(r.forResponders(mentions.map((m) => m.text).join(', ')));
  const entities = mentions.map(({ text, person }) => ({
    type: 'mention',
    text,
    mentioned: { id: person.teamsId, name: person.name },
  }));
  const attachments =
    work.kind === 'deadlineReminder'
      ? [cardAttachment(referralCard(record, now, services.strings, { solutions: services.solutions, reminder: true }))]
      : [];
  return { type: 'message', text: lines.join('\n\n'), entities: entities, attachments };
}
