import type { Services } from '../../services';
import { cardResponse, messageResponse } from '../invokeResponses';
import { historyCard } from '../views/historyCardView';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/** History: the referral's timeline from its stored events, for the clicking user. Changes nothing. */
export const showHistory: ActionHandler<Pick<Services, 'referrals' | 'strings'>> = async ({ data, services }) => {
  const referralId = InputReader.of(data).text('referralId', { required: true, max: 128 });
  const stored = referralId ? await services.referrals.get(referralId) : null;
  if (!stored) return messageResponse(services.strings.actions.notFound);
  const events = await services.referrals.history(referralId);
  return cardResponse(historyCard(stored.record, events, services.strings));
};
