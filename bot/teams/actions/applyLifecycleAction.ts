import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { LifecycleCommand } from '../../domain/commands';
import { isDomainError } from '../../domain/errors';
import { decide } from '../../domain/lifecycle';
import type { Actor } from '../../domain/referral';
import type { Services } from '../../services';
import { ConflictError } from '../../store/errors';
import { cardResponse, domainErrorResponse, messageResponse } from '../invokeResponses';
import { viewFor } from '../views/personalCard';
import { referralCard } from '../views/referralCardView';

/** Reads are retried this often when another writer was faster (ETag conflict). */
const MAX_ATTEMPTS = 5;

/**
 * Applies a lifecycle command to the stored referral: decide on the freshest copy, save the
 * referral with its history event under its ETag, and queue the channel card's update for
 * everyone. Safe to retry: a repeated click finds the referral already moved on.
 */
export async function applyLifecycleAction(services: Services, referralId: string, command: LifecycleCommand, actor: Actor): Promise<AdaptiveCardInvokeResponse> {
  const { referrals, strings } = services;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await referrals.get(referralId);
    if (!stored) return messageResponse(strings.actions.notFound);
    const now = services.clock();
    const view = await viewFor(services, stored.record, actor);
    const decision = decide(stored.record, command, actor, now, view.authority);
    if (isDomainError(decision)) return domainErrorResponse(decision, stored.record, now, strings, view);
    // The outbox row goes first: if the process dies after the save, the card still follows.
    await services.outbox.enqueue(referralId, now.toUTC().toISO()!);
    try {
      await referrals.save(stored, decision.record, decision.event);
    } catch (error) {
      if (error instanceof ConflictError) continue;
      throw error;
    }
    services.cardSync.kick();
    return cardResponse(referralCard(decision.record, now, strings, view));
  }
  return messageResponse(strings.actions.busy);
}
