import { literal } from '../../../../cards/literal';
import type { Choice } from '../../../../cards/elements';
import { invitingPartner } from '../../../domain/leadKind';
import { dealTypeOf, isMicrosoftHelp } from '../../../domain/dealType';
import type { ReferralRecord } from '../../../domain/referral';
import { solutionsOf } from '../../../domain/solutions';
import type { Stage } from '../../../domain/stage';
import { parseInstant } from '../../../domain/timeLimits';
import { syncStatusText } from '../syncStatusText';
import type { Strings } from '../../../strings/en';
import { money, plainDate, reasonText } from '../format';

/**
 * The deal's facts at `stage`: its owner, type and solutions once decided (the sales stage is
 * the bar's label); value and close date always, a won deal's as final; how writing back to
 * Partner Center stands once there is something to write. Facts with nothing to say are left
 * out. The customer's facts are the customer section's (see customerSection).
 */
export function referralFacts(record: ReferralRecord, stage: Stage, strings: Strings): Choice[] {
  const { referral, desk } = record;
  const s = strings.card;
  const list: [string, string | undefined][] = [];
  const value = referral.details.dealValue;
  const received = stage === 'received' || stage === 'evaluating';
  const won = stage === 'won';
  // What Partner Center or a user wrote, shown as typed; the desk's own words stay as they are.
  const typed = (text: string | undefined) => text && literal(text);
  if (!received) {
    list.push([s.owner, typed(desk.owner?.name)]);
    list.push([s.dealType, showsDealType(record) ? strings.dealType[dealTypeOf(record)] : undefined]);
    list.push([
      s.microsoftHelp,
      desk.microsoftHelp && isMicrosoftHelp(desk.microsoftHelp) ? strings.microsoftHelp[desk.microsoftHelp] : undefined,
    ]);
    list.push([s.invitedPartners, typed(desk.invitedPartners && strings.format.list(...desk.invitedPartners))]);
    list.push([
      s.dealSolutions,
      typed(strings.format.list(...solutionsOf(referral).map((solution) => solution.name ?? solution.id))),
    ]);
  }
  // An invitation from a partner carries that partner's own estimate of the deal.
  const inviter = typed(received ? invitingPartner(referral) : undefined);
  list.push([
    inviter ? s.partnerValue(inviter) : won ? s.wonValue : s.value,
    value !== undefined ? money(value, referral.details.currency, strings.format) : s.notStated,
  ]);
  // A won deal closed on the day it was won, whatever was estimated.
  const closing = won ? (referral.closedDateTime ?? desk.lastDecision?.at) : referral.details.closingDateTime;
  if (closing)
    list.push([
      inviter ? s.partnerCloseDate(inviter) : won ? s.closedOn : s.closeDate,
      plainDate(parseInstant(closing), strings.format),
    ]);
  list.push([s.crmId, received ? undefined : typed(referral.externalReferenceId)]);
  list.push([s.campaignId, received ? undefined : typed(referral.campaignId)]);
  if (stage === 'declined' || stage === 'lost')
    list.push([s.reason, referral.statusReason && reasonText(referral.statusReason, strings)]);
  const sync = syncStatusText(record, strings);
  // Nothing is written before a decision: "up to date" on a new card would say nothing.
  list.push([
    strings.partnerCenterSync.label,
    received && sync === strings.partnerCenterSync.synced ? undefined : sync,
  ]);
  return list.filter((fact): fact is [string, string] => Boolean(fact[1])).map(([title, v]) => ({ title, value: v }));
}

/** A received marketplace lead has no deal type of its own; deals we created and co-sell ones do. */
function showsDealType(record: ReferralRecord): boolean {
  return record.desk.createdByPartner === true || dealTypeOf(record) !== 'private';
}
