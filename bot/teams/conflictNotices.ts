import { literal } from '../../cards/literal';
import { cardAttachment } from '../../cards/render';
import type { ReferralRecord } from '../domain/referral';
import { servicesFor, type LanguageServices } from '../languages';
import type { Services } from '../services';
import { channelReferenceOf } from './cardConversation';
import { sendDirect, type DirectServices } from './directMessages';
import { conflictFields } from './views/syncStatusText';
import { personalCard, type PersonalCardServices } from './views/personalCard';

/** What telling of conflicts reads and keeps: what was told, the owner's language and chat, their card. */
export type ConflictNoticeServices = Pick<Services, 'indexes' | 'referrals' | 'directCards' | 'log'> &
  LanguageServices &
  DirectServices &
  PersonalCardServices;

/**
 * Tells the referral's owner (or, before it has one, whoever decided on it last), in a
 * direct message with their card, when Partner Center changed what the desk was writing:
 * Partner Center's values were kept and theirs not written. Each set of conflicts is told
 * once; one Teams accepted just before a crash may be told again.
 */
export async function tellConflicts(services: ConflictNoticeServices, record: ReferralRecord): Promise<void> {
  const conflicts = record.desk.partnerCenter?.conflicts;
  const person = record.desk.owner ?? record.desk.lastDecision?.by;
  const { id } = record.referral;
  if (!conflicts?.length || !person) return;
  const signature = JSON.stringify(conflicts);
  if ((await services.indexes.conflictTold(id)) === signature) return;
  const theirs = await servicesFor(services, person.id);
  const { referral } = record;
  const fields = conflictFields(conflicts, theirs.strings);
  const text = theirs.strings.partnerCenterSync.conflictNotice(
    literal(referral.name),
    literal(referral.customerProfile.name),
    fields,
  );
  const stored = await services.referrals.get(id);
  const via = stored ? await channelReferenceOf(services, stored) : null;
  const outcome = await sendDirect(
    services,
    person,
    { type: 'message', text, attachments: [cardAttachment(await personalCard(theirs, record, person))] },
    via,
  );
  if (!outcome.sent)
    services.log.error(`referral ${id}: ${person.id} not told of a Partner Center conflict: ${outcome.reason}`);
  else
    await services.directCards.track({
      referralId: id,
      chatId: outcome.chatId,
      activityId: outcome.activityId,
      viewer: person,
      text,
      reminder: false,
      revision: record.desk.revision,
    });
  await services.indexes.setConflictTold(id, signature);
}
