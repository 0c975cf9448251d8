import type { DateTime } from 'luxon';
import { literal } from '../../../cards/literal';
import type { ReferralListItem } from '../../../cards/referralListCard';
import type { DealSummary } from '../../domain/dealSummary';
import { isOverdue } from '../../domain/dealUrgency';
import { isExpiringSoon } from '../../domain/expiringSoon';
import type { Actor } from '../../domain/referral';
import { parseInstant } from '../../domain/timeLimits';
import type { Strings } from '../../strings/en';
import { stageText } from './dealLine';
import { clip, money, plainDate, timeLeft } from './format';

/** Long names are cut so that a full list stays far below Teams' message size limit. */
const MAX_NAME = 120;

/**
 * A referral's line in a list: its name, then "Contoso GmbH · Qualified (20 %) · €30,000.00 ·
 * closes 15 Feb 2027" (the owner too, when it is not the viewer), and in red what needs
 * doing soon: an overdue close date, or little time left to answer. Names are shown as typed.
 */
export function dealListItem(
  deal: DealSummary,
  viewer: Actor | undefined,
  now: DateTime,
  strings: Strings,
): ReferralListItem {
  const l = strings.dealList;
  const undecided = deal.stage === 'received' || deal.stage === 'evaluating';
  const next =
    undecided && deal.deadline
      ? l.expires(plainDate(parseInstant(deal.deadline), strings.format))
      : deal.stage === 'accepted' && deal.closing
        ? l.closes(plainDate(parseInstant(deal.closing), strings.format))
        : '';
  const name = (text: string) => literal(clip(text, MAX_NAME));
  const subtitle = l.line(
    deal.customer !== deal.name ? name(deal.customer) : '',
    stageText(deal, strings),
    deal.value !== undefined ? money(deal.value, deal.currency, strings.format) : '',
    next,
    deal.owner && deal.owner.id !== viewer?.id ? l.ownedBy(name(deal.owner.name)) : '',
  );
  return { referralId: deal.referralId, title: name(deal.name), subtitle, attention: attentionOf(deal, now, strings) };
}

function attentionOf(deal: DealSummary, now: DateTime, strings: Strings): string {
  if (isOverdue(deal, now)) return strings.dealList.overdue(plainDate(parseInstant(deal.closing!), strings.format));
  if (isExpiringSoon(deal, now))
    return strings.dealList.timeLeft(timeLeft(parseInstant(deal.deadline!), now, strings.format));
  return '';
}
