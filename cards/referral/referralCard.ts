import type { AdaptiveCard } from '../render';
import { VERBS } from '../verbs';
import { when, type CardAction, type CardElement, type ExecuteAction } from '../elements';
import { decisionActions } from './decisionActions';
import { editDealAction, outcomeActions } from './dealForms';
import { dealSummarySection } from './dealSummary';
import { footerSection } from './footer';
import { handOverActions } from './handOver';
import { headerSection } from './header';
import { MAX_REFRESH_USERS, type ReferralCardData } from './referralCardData';
import { reminderSection } from './reminder';
import { teamFormAction } from './teamForm';

/**
 * The referral's card in its channel (and in replies to actions on it), its sections in order.
 * Its buttons are in the body, in rows of a few: the decisions (Accept and Decline, Won and
 * Lost) first, then the work on the deal, then History and the star last. A form a button
 * opens shows right below its row.
 */
export function renderReferralCard(d: ReferralCardData): AdaptiveCard {
  const userIds = d.refreshUserIds.slice(0, MAX_REFRESH_USERS);
  const refresh: ExecuteAction = { type: 'Action.Execute', verb: VERBS.refresh, data: { referralId: d.referralId } };
  const work: CardAction[] = [
    ...editDealAction(d),
    ...teamFormAction(d),
    ...handOverActions(d),
    // For clients that do not refresh cards by themselves: the same request, from a button.
    ...when<CardAction>(d.dealActionsButton !== '', {
      type: 'Action.Execute',
      title: d.dealActionsButton,
      verb: VERBS.refresh,
      data: { referralId: d.referralId },
    }),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...(userIds.length > 0 ? { refresh: { action: refresh, userIds } } : {}),
    body: [
      ...headerSection(d),
      ...dealSummarySection(d),
      ...reminderSection(d),
      ...actionRow([...decisionActions(d), ...outcomeActions(d)]),
      ...actionRow(work),
      ...footerSection(d),
    ],
  };
}

/** A row of buttons; none when there are none. */
function actionRow(actions: CardAction[]): CardElement[] {
  return when<CardElement>(actions.length > 0, { type: 'ActionSet', spacing: 'Medium', actions });
}

/** Whether a card is a referral's own card: every one carries the favourite star, and no other card does. */
export function isReferralCard(card: unknown): boolean {
  const visit = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(visit);
    if (!node || typeof node !== 'object') return false;
    const element = node as { type?: unknown; verb?: unknown };
    return (element.type === 'Action.Execute' && element.verb === VERBS.favorite) || Object.values(node).some(visit);
  };
  return visit(card);
}
