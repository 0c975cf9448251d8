import type { DateTime } from 'luxon';
import type { AcceptInput } from './commands';
import { isMicrosoftHelp, outboundDealType, type MicrosoftHelp } from './dealType';
import type { DomainError, FieldProblem } from './errors';
import { diffFields, type HistoryEvent } from './history';
import { historyView, type Decision } from './lifecycle';
import { normalizeCountryCode } from './countries';
import type { Actor, Referral, ReferralRecord, TeamMember } from './referral';
import { toDealSolution, type CatalogSolution } from './solutions';
import { RESPONSE_WINDOW, parseInstant } from './timeLimits';
import { closingDateProblems, currencyProblems, dealValueProblems, personProblems, requiredText } from './validation';

/**
 * Ids of deals the partner creates start with this, which Partner Center's referral ids (GUIDs)
 * never do: a form cannot name, and so reveal or overwrite, a referral that came from there.
 */
export const NEW_DEAL_ID_PREFIX = 'deal-';
const NEW_DEAL_ID = /^deal-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id of a new deal (and of its form), from a fresh random UUID. */
export function newDealId(uuid: string): string {
  return `${NEW_DEAL_ID_PREFIX}${uuid.toLowerCase()}`;
}

/** Whether `id` is one `newDealId` makes. */
export function isNewDealId(id: string): boolean {
  return NEW_DEAL_ID.test(id);
}

/** The `new deal` form: the customer, the deal, the partner's team and solutions, and Microsoft's part. */
export interface NewDealInput extends Omit<AcceptInput, 'notes'> {
  customerName: string;
  /** ISO-3166 alpha-2; decides the deal's region, for good. */
  country: string;
  contact: TeamMember;
  notes?: string;
  member: TeamMember;
  /** The member's Teams account, when their e-mail belongs to one. */
  memberAccount?: Actor;
  solutions: CatalogSolution[];
  /** Empty until chosen; `none` keeps Microsoft out. */
  help: string;
  /** Undefined until answered. */
  microsoftSellersMaySee?: boolean;
}

/**
 * A deal the partner creates itself: checked as a whole (every wrong field at once), typed
 * by the form's two questions, created Accepted (10 %) and owned by its creator. `id` comes
 * from the form, so sending the same form twice creates one deal.
 */
export function createDeal(
  id: string,
  input: NewDealInput,
  actor: Actor,
  now: DateTime,
): Decision | Extract<DomainError, { kind: 'invalidInput' }> {
  const problems = newDealProblems(input, now);
  if (problems.length > 0) return { kind: 'invalidInput', problems };
  const at = now.toUTC().toISO()!;
  const help = input.help as MicrosoftHelp;
  const assessment = input.solutions.some((solution) => solution.kind === 'assessment');
  const type = assessment ? 'private' : outboundDealType(help, input.microsoftSellersMaySee === true);
  const referral: Referral = {
    id,
    name: input.dealName,
    externalReferenceId: input.crmId,
    campaignId: input.campaignId,
    createdDateTime: at,
    updatedDateTime: at,
    acceptedDateTime: at,
    // Microsoft sellers have 14 days to join a co-sell deal; nothing expires once a deal is Accepted.
    expirationDateTime: now.toUTC().plus(RESPONSE_WINDOW).toISO()!,
    status: 'Active',
    substatus: 'Accepted',
    type: type === 'coSell' ? 'Shared' : 'Independent',
    qualification: 'None',
    direction: 'Outgoing',
    customerProfile: {
      name: input.customerName,
      address: { country: normalizeCountryCode(input.country)! },
      team: [input.contact],
    },
    team: [input.member],
    consent: { consentToShareReferralWithMicrosoftSellers: type === 'coSell' || type === 'partnerLed' },
    details: {
      dealValue: input.dealValue,
      currency: input.currency,
      closingDateTime: parseInstant(input.closingDate).toISO()!,
      notes: input.notes || undefined,
      requirements: { solutions: input.solutions.map(toDealSolution) },
    },
  };
  const record: ReferralRecord = {
    referral,
    desk: {
      revision: 1,
      owner: actor,
      createdByPartner: true,
      lastDecision: { action: 'create', by: actor, at },
      microsoftHelp: type === 'coSell' ? help : undefined,
      teamAccounts: input.memberAccount
        ? [{ email: input.member.email!.trim().toLowerCase(), actor: input.memberAccount }]
        : undefined,
    },
  };
  const event: HistoryEvent = {
    referralId: id,
    revision: 1,
    at,
    actor,
    action: 'create',
    changes: diffFields({}, historyView(record)),
  };
  return { record, event };
}

function newDealProblems(input: NewDealInput, now: DateTime): FieldProblem[] {
  const problems: FieldProblem[] = [...requiredText(input.customerName, 'customerName')];
  if (!input.country.trim()) problems.push({ field: 'country', problem: 'required' });
  else if (!normalizeCountryCode(input.country)) problems.push({ field: 'country', problem: 'unknownChoice' });
  problems.push(
    ...personProblems(input.contact, 'contact'),
    ...requiredText(input.dealName, 'dealName'),
    ...dealValueProblems(input.dealValue),
    ...currencyProblems(input.currency),
    ...closingDateProblems(input.closingDate, now),
    ...personProblems(input.member, 'member'),
  );
  if (input.solutions.length === 0) problems.push({ field: 'solutions', problem: 'required' });
  else if (input.solutions.some((s) => s.kind === 'assessment') && input.solutions.length > 1)
    problems.push({ field: 'solutions', problem: 'assessmentOnly' });
  if (!input.help) problems.push({ field: 'help', problem: 'required' });
  else if (!isMicrosoftHelp(input.help)) problems.push({ field: 'help', problem: 'unknownChoice' });
  if (input.microsoftSellersMaySee === undefined)
    problems.push({ field: 'microsoftSellersMaySee', problem: 'required' });
  return problems;
}
