import { cardResponse, messageResponse } from '../invokeResponses';
import { personalCard } from '../views/personalCard';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/** A client's refresh: the card as it stands, with the actions this user may take. Changes nothing. */
export const refreshCard: ActionHandler = async ({ data, services, actor }) => {
  const referralId = InputReader.of(data).text('referralId', { required: true, max: 128 });
  const stored = referralId ? await services.referrals.get(referralId) : null;
  if (!stored) return messageResponse(services.strings.actions.notFound);
  return cardResponse(await personalCard(services, stored.record, actor));
};
