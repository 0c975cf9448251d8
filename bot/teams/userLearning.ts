import { TurnContext } from 'botbuilder';
import { IANAZone } from 'luxon';
import type { Actor } from '../domain/referral';
import type { ConversationReference } from 'botbuilder';
import type { ConversationRepository, LearnedFields, UserProfile, UserRepository } from '../store';
import { teamsChannelData } from './teamsChannel';

/**
 * Keeps each user's profile up to date from their activities: Teams id and name, tenant and
 * service URL, their 1:1 chat, and the time zone their client reports (unless they chose
 * one). A profile is read once per process and written only when something changed; a
 * newly learned 1:1 chat is kept as a conversation reference, for direct messages.
 */
export class UserLearning {
  /** What was last learned per user, so an unchanged activity costs nothing. */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly users: UserRepository,
    private readonly conversations: ConversationRepository,
    /** Told when a user's zone changed, so what is planned in their local time follows. */
    private readonly zoneChanged: (userId: string) => Promise<void>,
  ) {}

  async learnFrom(turn: TurnContext, actor: Actor): Promise<void> {
    await this.keep(lessonOf(turn), actor);
  }

  /** Keeps what an activity taught (see lessonOf), once its turn may be over. */
  async keep(lesson: Lesson | undefined, actor: Actor): Promise<void> {
    if (!lesson) return;
    const signature = JSON.stringify(lesson.fields);
    if (this.known.get(actor.id) === signature) return;
    const changed = changedFields(await this.users.get(actor.id), lesson.fields);
    if (changed.chatId) await this.conversations.put('personal', changed.chatId, lesson.reference);
    if (Object.keys(changed).length > 0) await this.users.learn(actor.id, changed);
    if (changed.timeZone) await this.zoneChanged(actor.id);
    this.known.set(actor.id, signature);
  }
}

/** What one activity teaches about its sender, taken while its turn runs; none from the bot itself. */
export interface Lesson {
  fields: LearnedFields;
  reference: Partial<ConversationReference>;
}

export function lessonOf(turn: TurnContext): Lesson | undefined {
  if (!turn.activity.from?.id || turn.activity.from.id === turn.activity.recipient?.id) return undefined;
  return { fields: learnedFields(turn), reference: TurnContext.getConversationReference(turn.activity) };
}

function learnedFields(turn: TurnContext): LearnedFields {
  const { activity } = turn;
  const personal = activity.conversation?.conversationType === 'personal';
  return {
    teamsId: activity.from.id,
    name: activity.from.name || undefined,
    tenantId: teamsChannelData(turn).tenant?.id ?? activity.conversation?.tenantId,
    serviceUrl: activity.serviceUrl || undefined,
    chatId: personal ? activity.conversation.id : undefined,
    timeZone: reportedTimeZone(turn),
    locale: activity.locale || undefined,
  };
}

/** The IANA zone the user's client reports: the activity's `localTimezone`, or its clientInfo entity. */
function reportedTimeZone(turn: TurnContext): string | undefined {
  const clientInfo = turn.activity.entities?.find((entity) => entity.type === 'clientInfo') as
    { timezone?: unknown } | undefined;
  const zone = turn.activity.localTimezone ?? clientInfo?.timezone;
  return typeof zone === 'string' && IANAZone.isValidZone(zone) ? zone : undefined;
}

/** The learned fields that differ from the stored profile; a zone the user chose stays. */
function changedFields(current: UserProfile | null, fields: LearnedFields): LearnedFields {
  const changed: LearnedFields = {};
  for (const [key, value] of Object.entries(fields) as [keyof LearnedFields, string | undefined][]) {
    if (value === undefined || current?.[key] === value) continue;
    if (key === 'timeZone' && current?.timeZoneChosen) continue;
    changed[key] = value;
  }
  return changed;
}
