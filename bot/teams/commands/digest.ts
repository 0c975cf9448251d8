import type { Activity } from 'botbuilder';
import { literal } from '../../../cards/literal';
import { cardAttachment } from '../../../cards/render';
import { digestRegionsOf, planDigest, wantsWeeklyDigest, type DigestPlanDeps } from '../../referrals';
import type { Services } from '../../services';
import { buildDigestCard, type DigestServices } from '../managerDigest';
import { sendToSender, type PrivateDeliveryServices } from '../personalChat';
import { validRegionCodes } from '../views/linkTargets';
import type { Command, CommandContext } from './command';

/** What `digest` uses: the sender's digest settings and plan, their digest, and their personal chat. */
export type DigestCommandServices = Pick<Services, 'strings' | 'users' | 'clock'> &
  DigestPlanDeps &
  DigestServices &
  PrivateDeliveryServices;

/**
 * `digest now [<region>…]`: the digest of the regions the sender manages (every one for an
 * admin), in their personal chat; `digest off` / `digest on`: no weekly digest for them,
 * or again.
 */
export const digest: Command<DigestCommandServices> = async (context) => {
  const { turn, args, actor, services } = context;
  const d = services.strings.digest;
  const word = args[0]?.toLowerCase();
  if (word === 'now')
    return sendDigestNow(
      context,
      args.slice(1).map((code) => code.toLowerCase()),
    );
  if ((word !== 'on' && word !== 'off') || args.length > 1) return void (await turn.sendActivity(d.usage));
  await services.users.chooseDigest(actor.id, word === 'on');
  await planDigest(services, actor.id);
  await turn.sendActivity(word === 'on' ? d.on : d.off);
};

async function sendDigestNow(
  { turn, actor, services }: CommandContext<DigestCommandServices>,
  codes: string[],
): Promise<void> {
  const d = services.strings.digest;
  const managed = await digestRegionsOf(services, actor);
  if (managed.length === 0) return void (await turn.sendActivity(d.noRegion));
  const unknown = codes.find((code) => !managed.some((region) => region.code === code));
  if (unknown) return void (await turn.sendActivity(d.notYours(literal(unknown), validRegionCodes(managed))));
  const card = await buildDigestCard(services, actor, services.clock(), codes.length > 0 ? codes : undefined);
  if (!card) return void (await turn.sendActivity(d.noRegion));
  const activity: Partial<Activity> = { type: 'message', attachments: [cardAttachment(card)] };
  if (!wantsWeeklyDigest(await services.users.get(actor.id))) activity.text = d.weeklyOff;
  const delivery = await sendToSender(turn, services, actor, activity);
  // A digest shows whole regions' deals: asked for in a channel, it goes to the manager alone.
  if (delivery !== 'here') await turn.sendActivity(delivery === 'direct' ? d.sentToChat : d.notSent);
}
