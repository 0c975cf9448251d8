import { isDomainError } from '../../domain/errors';
import { createDeal as decideNewDeal, type NewDealInput } from '../../domain/newDeal';
import type { TeamMember } from '../../domain/referral';
import type { CatalogSolution } from '../../domain/solutions';
import { isEmail } from '../../domain/validation';
import { followUp } from '../../followUps';
import { cardResponse, describeProblems, messageResponse } from '../invokeResponses';
import { findTeamMember } from '../teamDirectory';
import { personalCard } from '../views/personalCard';
import { readDealDetails } from './acceptReferral';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/**
 * The `new deal` form: creates the deal (Accepted, owned by the sender), stores it with its
 * first history event and queues its card for the channel of its region. The form's id is
 * the deal's id, so a retried or repeated submit shows the deal instead of creating another.
 */
export const createDeal: ActionHandler = async ({ turn, data, services, actor }) => {
  const { strings } = services;
  const read = InputReader.of(data);
  const formId = read.text('formId', { required: true, max: 128 });
  const existing = formId ? await services.referrals.get(formId) : null;
  if (existing) return cardResponse(await personalCard(services, existing.record, actor, { notice: strings.newDeal.alreadyCreated }));

  const input = readNewDeal(read, services.solutions);
  const fix = (problems: typeof read.problems) => messageResponse(strings.actions.fixInput(describeProblems(problems, strings)));
  if (read.problems.length > 0) return fix(read.problems);
  if (isEmail(input.member.email ?? '')) input.memberAccount = await findTeamMember(turn, input.member.email!);

  const now = services.clock();
  const decision = decideNewDeal(formId, input, actor, now);
  if (isDomainError(decision)) return fix(decision.problems);
  // The card task goes first: a crash between the two writes leaves a task, never a lost card.
  await services.outbox.enqueue(formId, now.toUTC().toISO()!);
  const created = await services.referrals.create(decision.record, decision.event);
  services.cardSync.kick();
  if (created) await followUp(services, decision.record);
  const record = created ? decision.record : (await services.referrals.get(formId))!.record;
  return cardResponse(await personalCard(services, record, actor, { notice: created ? strings.newDeal.created : strings.newDeal.alreadyCreated }));
};

function readNewDeal(read: InputReader, catalog: readonly CatalogSolution[]): NewDealInput {
  const person = (prefix: string): TeamMember => ({
    firstName: read.text(`${prefix}FirstName`, { max: 100 }) ?? '',
    lastName: read.text(`${prefix}LastName`, { max: 100 }) ?? '',
    phoneNumber: read.text(`${prefix}PhoneNumber`, { max: 30 }) ?? '',
    email: read.text(`${prefix}Email`, { max: 200 }) ?? '',
  });
  // A multi-select ChoiceSet sends its values comma-separated.
  const solutionIds = (read.text('solutions', { max: 2000 }) ?? '').split(',').map((id) => id.trim()).filter(Boolean);
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
