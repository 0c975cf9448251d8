import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { LifecycleCommand } from '../../domain/commands';
import { lastChangerOf } from '../../domain/editMerge';
import type { Actor, ReferralRecord } from '../../domain/referral';
import { changeReferral, type ChangeDeps } from '../../referrals';
import type { StoredReferral } from '../../store';
import type { Services } from '../../services';
import { cardResponse, domainErrorResponse, messageResponse } from '../invokeResponses';
import { viewerOf, type ViewerServices } from '../views/personalCard';
import type { LookAhead } from './lookAhead';
import { referralCard } from '../views/referral/referralCardView';

/** What a lifecycle action uses: the change of the referral, and the clicking user's view of its card. */
export type LifecycleServices = Pick<Services, 'strings' | 'referrals' | 'clock'> & ChangeDeps & ViewerServices;

/**
 * A card action's lifecycle command, applied for the clicking user: answered with their
 * own version of the changed card (or what `changed` answers instead), or with why nothing
 * changed.
 */
export async function applyLifecycleAction(
  services: LifecycleServices,
  referralId: string,
  command: LifecycleCommand,
  actor: Actor,
  options: {
    read?: Promise<StoredReferral | null>;
    /** What the click started as it came in (see lookAhead); its card task is then the caller's to release. */
    ahead?: LookAhead;
    changed?: (record: ReferralRecord) => AdaptiveCardInvokeResponse;
  } = {},
): Promise<AdaptiveCardInvokeResponse> {
  const { strings } = services;
  const { changed, ahead } = options;
  const reading = options.read ?? services.referrals.get(referralId);
  // The user's view (their authority, their star) is looked up beside the change's first steps.
  const viewing = ahead?.viewing ?? viewerOf(services, referralId, actor);
  viewing.catch(() => undefined);
  const outcome = await changeReferral(services, referralId, command, actor, {
    read: reading,
    held: ahead?.held,
    click: ahead?.click,
    clicked: ahead?.read.then(({ clicked }) => clicked),
    authority: Promise.all([reading, viewing]).then(([stored, view]) =>
      stored ? view(stored.record).authority : undefined,
    ),
  });
  const stored = await reading;
  if (!stored) return messageResponse(strings.actions.notFound);
  const view = (await viewing)(stored.record);
  switch (outcome.kind) {
    // A repeat of a click whose change was saved is answered as the first: with the card as it is now.
    case 'changed':
    case 'repeated':
      return changed
        ? changed(outcome.record)
        : cardResponse(referralCard(outcome.record, services.clock(), strings, view));
    case 'refused': {
      let { error } = outcome;
      // Who changed the fields an Edit form collided with is in the referral's history.
      if (error.kind === 'editConflict')
        error = { ...error, by: lastChangerOf(await services.referrals.history(referralId), error.fields) };
      return domainErrorResponse(error, outcome.current, services.clock(), strings, view);
    }
    case 'notFound':
      return messageResponse(strings.actions.notFound);
    case 'busy':
      return messageResponse(strings.actions.busy);
  }
}
