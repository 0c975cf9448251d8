import type { Services } from '../../services';
import { cardResponse, messageResponse } from '../invokeResponses';
import { personalCard, type PersonalCardServices } from '../views/personalCard';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/**
 * Stars (`on: true`) or unstars a referral for the clicking user. The card says which, so a
 * retried click sets the same state again instead of flipping it back.
 */
export const toggleFavorite: ActionHandler<Pick<Services, 'referrals'> & PersonalCardServices> = async ({
  data,
  services,
  actor,
}) => {
  const read = InputReader.of(data);
  const referralId = read.text('referralId', { required: true, max: 128 });
  const on = read.flag('on', true);
  const stored = referralId ? await services.referrals.get(referralId) : null;
  if (!stored) return messageResponse(services.strings.actions.notFound);
  await services.favorites.set(actor.id, referralId, on, services.clock().toUTC().toISO()!);
  const notice = on ? services.strings.favorites.starred : services.strings.favorites.unstarred;
  return cardResponse(await personalCard(services, stored.record, actor, { notice }));
};
