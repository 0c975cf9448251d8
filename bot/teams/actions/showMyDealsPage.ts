import { cardResponse } from '../invokeResponses';
import { myDealsCard } from '../views/myDealsCardView';
import { referralScope } from '../access/referralScope';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/**
 * Previous or Next on `my deals`: that page of the clicking user's own deals, in place of
 * the card. Whoever clicks sees their own deals, so a forwarded list shows nobody else's.
 */
export const showMyDealsPage: ActionHandler = async ({ data, actor, services, access }) => {
  const page = InputReader.of(data).number('page');
  return cardResponse(
    await myDealsCard(
      services,
      actor,
      access.viewer,
      await referralScope(services, access.viewer),
      Number.isInteger(page) ? page : 1,
    ),
  );
};
