import type { Services } from '../../services';
import { cardResponse, messageResponse } from '../invokeResponses';
import { personalCard, type PersonalCardServices } from '../views/personalCard';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/** What a refresh reads: the referral, to draw the clicking user's card of it. */
export type RefreshCardServices = Pick<Services, 'referrals'> & PersonalCardServices;

/** A client's refresh: the card as it stands, with the actions this user may take. Changes nothing. */
export const refreshCard: ActionHandler<RefreshCardServices> = async ({ data, services, actor }) => {
  const referralId = InputReader.of(data).text('referralId', { required: true, max: 128 });
  const stored = referralId ? await services.referrals.get(referralId) : null;
  if (!stored) return messageResponse(services.strings.actions.notFound);
  return cardResponse(await personalCard(services, stored.record, actor));
};
