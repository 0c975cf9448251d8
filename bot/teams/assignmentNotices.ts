import { literal } from '../../cards/literal';
import { cardAttachment } from '../../cards/render';
import { peopleOf } from '../domain/dealSummary';
import type { HistoryEvent } from '../domain/history';
import type { Actor, ReferralRecord } from '../domain/referral';
import { servicesFor, type LanguageServices } from '../languages';
import type { Services } from '../services';
import { channelReferenceOf } from './cardConversation';
import { sendDirect, type DirectServices } from './directMessages';
import { personalCard, type PersonalCardServices } from './views/personalCard';

/** What telling new people reads and keeps: who was told, the history, their language and chat, their cards. */
export type AssignmentNoticeServices = Pick<Services, 'indexes' | 'referrals' | 'directCards' | 'log'> &
  LanguageServices &
  DirectServices &
  PersonalCardServices;

/**
 * Tells each person who now works on a deal, in a direct message with their own card: the
 * owner someone handed it to, and a team member someone added. Nobody is told of what they
 * did themselves (accepting, adding themselves), nobody who turned these messages off, and
 * each person once while they stay on it.
 * A message Teams accepted just before a crash may be sent again; none is lost.
 */
export async function tellNewPeople(services: AssignmentNoticeServices, record: ReferralRecord): Promise<void> {
  const { id } = record.referral;
  const people = peopleOf(record);
  const told = new Set(await services.indexes.told(id));
  const fresh = people.filter((person) => !told.has(person));
  if (fresh.length > 0) {
    const events = await services.referrals.history(id);
    const stored = await services.referrals.get(id);
    const via = stored ? await channelReferenceOf(services, stored) : null;
    for (const person of fresh) {
      const theirs = await servicesFor(services, person);
      const notice = noticeFor(theirs, record, person, events);
      if (!notice || (await services.users.find(person))?.messagesOff?.includes('notices')) continue;
      const text = notice.text;
      const outcome = await sendDirect(
        services,
        notice.person,
        { type: 'message', text, attachments: [cardAttachment(await personalCard(theirs, record, notice.person))] },
        via,
      );
      if (!outcome.sent) services.log.error(`referral ${id}: ${person} not told they work on it: ${outcome.reason}`);
      else
        await services.directCards.track({
          referralId: id,
          chatId: outcome.chatId,
          activityId: outcome.activityId,
          viewer: notice.person,
          text,
          reminder: false,
          revision: record.desk.revision,
        });
    }
  }
  if (fresh.length > 0 || told.size !== people.length) await services.indexes.setTold(id, people);
}

/** What to tell `person` of how they came to work on the deal, names as typed; nothing when they did it themselves. */
function noticeFor(
  services: Pick<Services, 'strings'>,
  record: ReferralRecord,
  person: string,
  events: readonly HistoryEvent[],
): { person: Actor; text: string } | undefined {
  const n = services.strings.notices;
  const { referral, desk } = record;
  const deal = literal(referral.name || referral.customerProfile.name);
  const customer = literal(referral.customerProfile.name);
  const latest = (actions: readonly HistoryEvent['action'][]) =>
    [...events].reverse().find((event) => actions.includes(event.action));
  if (desk.owner?.id === person) {
    const how = latest(['accept', 'create', 'reassign']);
    if (!how || how.actor.id === person) return undefined;
    return { person: desk.owner, text: n.nowOwner(literal(how.actor.name), deal, customer) };
  }
  const account = desk.teamAccounts?.find((a) => a.actor.id === person);
  const how = latest(['addMember']);
  if (!account || !how || how.actor.id === person) return undefined;
  return { person: account.actor, text: n.nowOnTeam(literal(how.actor.name), deal, customer) };
}
