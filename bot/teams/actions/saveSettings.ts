import type { FieldProblem } from '../../domain/errors';
import { chosenWorkingHours, workingHoursProblems, type WorkingHoursChoice } from '../../domain/userSettings';
import { cardResponse, describeProblems, messageResponse } from '../invokeResponses';
import { userSettingsCard } from '../views/settingsCardView';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/**
 * Save on the settings card: keeps the clicking user's time zone and working hours (over
 * what Teams reports) and shows the card again with what is stored. Any wrong field: a
 * message naming each one, and nothing kept. Saving the same values again stores the same.
 */
export const saveSettings: ActionHandler = async ({ data, services, actor }) => {
  const { strings } = services;
  const read = InputReader.of(data);
  // A card posted in a channel shows its sender's values; anyone else clicking Save would
  // keep those as their own, so they get their own card instead.
  const owner = read.text('settingsOf', { max: 256 });
  if (owner && owner !== actor.id) return cardResponse(await userSettingsCard(services, actor, strings.settings.notYours));

  const choice = readWorkingHours(read);
  const problems = withoutRepeats([...read.problems, ...workingHoursProblems(choice)]);
  if (problems.length > 0) return messageResponse(strings.actions.fixInput(describeProblems(problems, strings)));
  await services.users.choose(actor.id, chosenWorkingHours(choice));
  return cardResponse(await userSettingsCard(services, actor, strings.settings.saved));
};

function readWorkingHours(read: InputReader): WorkingHoursChoice {
  // A multi-select ChoiceSet sends its values comma-separated; anything but a number becomes NaN, which the rules refuse.
  const days = (read.text('workDays', { max: 40 }) ?? '').split(',').map((day) => day.trim()).filter(Boolean).map(Number);
  return {
    timeZone: read.text('timeZone', { max: 64 }) ?? '',
    start: read.text('workStart', { max: 16 }) ?? '',
    end: read.text('workEnd', { max: 16 }) ?? '',
    days,
  };
}

/** One problem per field: the first found (a value too long to read is not also "not a time"). */
function withoutRepeats(problems: FieldProblem[]): FieldProblem[] {
  return problems.filter((problem, index) => problems.findIndex((p) => p.field === problem.field) === index);
}
