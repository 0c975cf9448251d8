import { isDomainError } from '../../domain/errors';
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { createDeal as decideNewDeal, isNewDealId, type NewDealInput } from '../../domain/newDeal';
import type { Actor, ReferralRecord, TeamMember } from '../../domain/referral';
import type { Services } from '../../services';
import type { CatalogSolution } from '../../domain/solutions';
import { isEmail } from '../../domain/validation';
import { holdCardTask } from '../../referrals';
import { cardResponse, describeProblems, messageResponse } from '../invokeResponses';
import { findTeamMember } from '../teamDirectory';
import { personalCard, type PersonalCardServices } from '../views/personalCard';
import { readDealDetails } from './acceptReferral';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/** What creating a deal uses: the stores, its card task and the cards, and its creator's card. */
export type CreateDealServices = Pick<Services, 'strings' | 'referrals' | 'solutions' | 'clock' | 'outbox' | 'cards'> &
  PersonalCardServices;

/**
 * The `new deal` form: creates the deal (Accepted, owned by the sender), stores it with its
 * first history event and queues its card for the channel of its region. The form's id is
 * the deal's id, so a retried or repeated submit shows its sender the deal instead of
 * creating another. A form id the bot does not make, or a deal someone else created with
 * it, is refused without saying what, if anything, it names.
 */
export const createDeal: ActionHandler<CreateDealServices> = async ({ turn, data, services, actor }) => {
  const { strings } = services;
  const read = InputReader.of(data);
  const formId = read.text('formId', { required: true, max: 128 });
  if (!isNewDealId(formId)) return messageResponse(strings.newDeal.formUsed);
  const existing = await services.referrals.get(formId);
  if (existing) return alreadyCreated(services, existing.record, actor);

  const input = readNewDeal(read, services.solutions);
  const fix = (problems: typeof read.problems) =>
    messageResponse(strings.actions.fixInput(describeProblems(problems, strings)));
  if (read.problems.length > 0) return fix(read.problems);
  if (isEmail(input.member.email ?? '')) input.memberAccount = await findTeamMember(turn, input.member.email!);

  const now = services.clock();
  const decision = decideNewDeal(formId, input, actor, now);
  if (isDomainError(decision)) return fix(decision.problems);
  await holdCardTask(services, formId);
  const created = await services.referrals.create(decision.record, decision.event);
  services.cards.release(formId);
  if (!created) return alreadyCreated(services, (await services.referrals.get(formId))!.record, actor);
  return cardResponse(await personalCard(services, decision.record, actor, { notice: strings.newDeal.created }));
};

/** The deal a form already created, shown to the person who created it, and to nobody else. */
async function alreadyCreated(
  services: Pick<Services, 'referrals'> & PersonalCardServices,
  record: ReferralRecord,
  actor: Actor,
): Promise<AdaptiveCardInvokeResponse> {
  const [first] = await services.referrals.history(record.referral.id);
  if (!record.desk.createdByPartner || first?.actor.id !== actor.id)
    return messageResponse(services.strings.newDeal.formUsed);
  return cardResponse(await personalCard(services, record, actor, { notice: services.strings.newDeal.alreadyCreated }));
}

function readNewDeal(read: InputReader, catalog: readonly CatalogSolution[]): NewDealInput {
  const person = (prefix: string): TeamMember => ({
    firstName: read.text(`${prefix}FirstName`, { max: 100 }) ?? '',
    lastName: read.text(`${prefix}LastName`, { max: 100 }) ?? '',
    phoneNumber: read.text(`${prefix}PhoneNumber`, { max: 30 }) ?? '',
    email: read.text(`${prefix}Email`, { max: 200 }) ?? '',
  });
  // A multi-select ChoiceSet sends its values comma-separated.
  const solutionIds = (read.text('solutions', { max: 2000 }) ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const solutions = solutionIds.map((id) => catalog.find((solution) => solution.id === id));
  if (solutions.some((solution) => !solution)) read.problems.push({ field: 'solutions', problem: 'unknownChoice' });
  const maySee = read.text('microsoftSellersMaySee', { max: 5 });
  const { notes, ...details } = readDealDetails(read);
  return {
    ...details,
    notes,
    customerName: read.text('customerName', { max: 200 }) ?? '',
    country: read.text('country', { max: 10 }) ?? '',
    contact: person('contact'),
    member: person('member'),
    solutions: solutions.filter((solution): solution is CatalogSolution => solution !== undefined),
    help: read.text('help', { max: 40 }) ?? '',
    microsoftSellersMaySee: maySee === 'true' ? true : maySee === 'false' ? false : undefined,
  };
}
