import { cardResponse } from '../invokeResponses';
import { myDealsCard, type MyDealsServices } from '../views/myDealsCardView';
import { referralScope, type ScopeServices } from '../access/referralScope';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/** What a page of `my deals` reads: the list, and the clicking user's scope. */
export type MyDealsPageServices = MyDealsServices & ScopeServices;

/**
 * Previous or Next on `my deals`: that page of the clicking user's own deals, in place of
 * the card. Whoever clicks sees their own deals, so a forwarded list shows nobody else's.
 */
export const showMyDealsPage: ActionHandler<MyDealsPageServices> = async ({ data, actor, services, access }) => {
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
