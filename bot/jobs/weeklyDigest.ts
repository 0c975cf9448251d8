import type { ConversationReference } from 'botbuilder';
import type { DateTime } from 'luxon';
import { cardAttachment } from '../../cards/render';
import { DEFAULT_DIGEST_TIME, digestPlan, managerOfSchedule } from '../domain/digestSchedule';
import { parseInstant } from '../domain/timeLimits';
import { hoursOfUser } from '../domain/workingHours';
import { planDigest, wantsWeeklyDigest, type DigestPlanDeps } from '../referrals';
import { servicesFor, type LanguageServices } from '../languages';
import type { Services } from '../services';
import type { ScheduledWork } from '../store';
import { sendDirect, buildDigestCard, type DigestServices, type DirectServices } from '../teams';
import type { WorkResult } from './scheduler';

/** What a weekly digest uses: the manager's settings and plan, their digest in their language, a chat with them. */
export type WeeklyDigestServices = DigestPlanDeps &
  LanguageServices &
  DigestServices &
  DirectServices &
  Pick<Services, 'users' | 'defaultHours' | 'links' | 'conversations' | 'log'>;

/**
 * A manager's weekly digest, as a direct message. Checked against their settings as they are
 * now: one they turned off, or moved to another time, is not sent (the moved one is planned
 * anew); someone who manages no region any more gets none. After it, the next weeks are
 * planned. Exactly once per manager and week: the scheduler claims each week's digest.
 */
export async function sendWeeklyDigest(
  services: WeeklyDigestServices,
  work: ScheduledWork,
  now: DateTime,
): Promise<WorkResult> {
  const managerId = managerOfSchedule(work.referralId);
  const profile = await services.users.find(managerId);
  // The digest as the manager's settings now place it, from just before it was due.
  const from = parseInstant(work.dueAt).minus({ minutes: 1 });
  const planned = wantsWeeklyDigest(profile)
    ? digestPlan(profile?.digestTime ?? DEFAULT_DIGEST_TIME, hoursOfUser(profile, services.defaultHours), from).find(
        (item) => item.key === work.key,
      )
    : undefined;
  if (!planned) {
    await planDigest(services, managerId);
    return 'done';
  }
  if (planned.dueAt > now) return { notBefore: planned.dueAt };
  const manager = { id: profile?.id ?? managerId, name: profile?.name ?? managerId, teamsId: profile?.teamsId };
  const card = await buildDigestCard(await servicesFor(services, manager.id), manager, now);
  if (card) {
    const outcome = await sendDirect(
      services,
      manager,
      { type: 'message', attachments: [cardAttachment(card)] },
      await anyChannel(services),
    );
    if (!outcome.sent) services.log.error(`weekly digest not delivered to ${managerId}: ${outcome.reason}`);
  }
  await planDigest(services, managerId);
  return 'done';
}

/** A channel the bot posts to, to find a manager in its team when there is no chat with them yet. */
async function anyChannel(
  services: Pick<Services, 'links' | 'conversations'>,
): Promise<Partial<ConversationReference> | null> {
  for (const link of await services.links.list()) {
    const reference = await services.conversations.get('channel', link.channel.conversationId);
    if (reference) return reference;
  }
  return null;
}
