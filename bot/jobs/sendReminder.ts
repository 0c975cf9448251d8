import type { Activity, ConversationReference } from 'botbuilder';
import type { DateTime } from 'luxon';
import { cardAttachment } from '../../cards/render';
import type { ReferralRecord } from '../domain/referral';
import { dueNow, planFor } from '../domain/reminderPlan';
import { stageOfRecord } from '../domain/stage';
import { answerDeadlineOf, parseInstant, responseTargetOf } from '../domain/timeLimits';
import type { Services } from '../services';
import type { StoredReferral } from '../store/referralRepository';
import type { ScheduledWork } from '../store/scheduleRepository';
import { roughDuration } from '../teams/views/format';
import { referralCard } from '../teams/views/referralCardView';
import type { WorkResult } from './scheduler';

/** A reminder this late is no longer "on time". */
const ON_TIME_MINUTES = 5;

/**
 * A nudge or a deadline reminder, as a reply in the thread of the referral's channel card:
 * the reminder says how long is left, names the person who said Interested (two-step flow),
 * and carries the card with its decision buttons. Nothing is sent once the referral is
 * decided or a later reminder is due too; a card not posted yet (no channel linked) is
 * tried again later.
 */
export async function sendReminder(services: Services, work: ScheduledWork, now: DateTime): Promise<WorkResult> {
  const stored = await services.referrals.get(work.referralId);
  if (!stored) return 'done';
  const stage = stageOfRecord(stored.record);
  if (stage !== 'received' && stage !== 'evaluating') return 'done';
  // After downtime several reminders may be due at once: only the latest is still worth sending.
  const current = dueNow(planFor(stored.record, services.reminderPolicy), new Set(), now);
  if (!current.some((item) => item.key === work.key)) return 'done';
  const thread = await threadOf(services, stored);
  if (!thread) return 'retry';
  await services.messenger.send(thread, reminderActivity(services, stored.record, work, now));
  return 'done';
}

/** The conversation of the card's thread: replies go to `<channel>;messageid=<card>`. */
async function threadOf(services: Services, stored: StoredReferral): Promise<Partial<ConversationReference> | null> {
  if (!stored.card) return null;
  const reference = await services.conversations.get('channel', stored.card.conversationId);
  if (!reference?.conversation) return null;
  return { ...reference, conversation: { ...reference.conversation, id: `${stored.card.conversationId};messageid=${stored.card.activityId}` } };
}

function reminderActivity(services: Services, record: ReferralRecord, work: ScheduledWork, now: DateTime): Partial<Activity> {
  const r = services.strings.reminders;
  const customer = record.referral.customerProfile.name;
  const stage = stageOfRecord(record);
  // Sent on time, a reminder speaks of the time left as planned ("3 days", not "2 days, 23 hours").
  const due = parseInstant(work.dueAt);
  const from = now.diff(due).as('minutes') < ON_TIME_MINUTES ? due : now;
  const left = roughDuration(answerDeadlineOf(record).diff(from));
  const lines =
    work.kind === 'responseNudge'
      ? [r.nudge(roughDuration(responseTargetOf(record.referral).diff(from)))]
      : [stage === 'evaluating' ? r.evaluation(left, customer) : record.desk.flow === 'twoStep' ? r.interest(left, customer) : r.deadline(left, customer)];
  // In the two-step flow, whoever said Interested is the one to accept or decline.
  const interested = stage === 'evaluating' ? record.desk.lastDecision?.by : undefined;
  const entities: Activity['entities'] = [];
  if (interested?.teamsId) {
    const mention = `<at>${interested.name}</at>`;
    lines.push(r.forYou(mention));
    entities.push({ type: 'mention', text: mention, mentioned: { id: interested.teamsId, name: interested.name } } as never);
  }
  const card = referralCard(record, now, services.strings, { solutions: services.solutions });
  return { type: 'message', text: lines.join('\n\n'), entities, attachments: work.kind === 'deadlineReminder' ? [cardAttachment(card)] : [] };
}
