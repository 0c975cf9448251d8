import type { FieldProblem } from '../../domain/errors';
import { chosenWorkingHours, workingHoursProblems, type WorkingHoursChoice } from '../../domain/userSettings';
import { DIRECT_MESSAGE_KINDS, isDirectMessageKind } from '../../domain/messagePreferences';
import { digestTimeProblems } from '../../domain/digestSchedule';
import { planDigest, type DigestPlanDeps } from '../../referrals';
import { servicesFor, type LanguageServices } from '../../languages';
import type { Services } from '../../services';
import { spokenLanguage } from '../../strings/catalogs';
import { cardResponse, describeProblems, messageResponse } from '../invokeResponses';
import { userSettingsCard, type SettingsCardServices } from '../views/settingsCardView';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/** What saving settings uses: the user's profile, their digest's plan, their language and settings card. */
export type SaveSettingsServices = Pick<Services, 'strings' | 'users'> &
  DigestPlanDeps &
  LanguageServices &
  SettingsCardServices;

/**
 * Save on the settings card: keeps the clicking user's time zone and working hours (over
 * what Teams reports) and shows the card again with what is stored. Any wrong field: a
 * message naming each one, and nothing kept. Saving the same values again stores the same.
 */
export const saveSettings: ActionHandler<SaveSettingsServices> = async ({ data, services, actor }) => {
  const { strings } = services;
  const read = InputReader.of(data);
  // A card posted in a channel shows its sender's values; anyone else clicking Save would
  // keep those as their own, so they get their own card instead.
  const owner = read.text('settingsOf', { max: 256 });
  if (owner && owner !== actor.id)
    return cardResponse(await userSettingsCard(services, actor, strings.settings.notYours));

  // A card from before a section existed has no input for it: what it did not show stays as it is.
  const shown = (read.text('sections', { max: 200 }) ?? 'workingHours').split(',');
  const choice = readWorkingHours(read);
  const messagesOn = shown.includes('messages') ? readList(read, 'messagesOn') : undefined;
  const language = shown.includes('language') ? (read.text('language', { max: 10 }) ?? '') : undefined;
  const digestTime = shown.includes('digest')
    ? { day: Number(read.text('digestDay', { max: 2 }) ?? NaN), time: read.text('digestTime', { max: 16 }) ?? '' }
    : undefined;
  const problems = withoutRepeats([
    ...read.problems,
    ...workingHoursProblems(choice),
    ...(messagesOn?.some((kind) => !isDirectMessageKind(kind))
      ? [{ field: 'messagesOn', problem: 'unknownChoice' } as const]
      : []),
    ...(language !== undefined && spokenLanguage(language) !== language
      ? [{ field: 'language', problem: 'unknownChoice' } as const]
      : []),
    ...(digestTime ? digestTimeProblems(digestTime) : []),
  ]);
  if (problems.length > 0) return messageResponse(strings.actions.fixInput(describeProblems(problems, strings)));
  await services.users.choose(actor.id, chosenWorkingHours(choice));
  if (messagesOn) {
    // A card from before it named its kinds showed every one.
    const offered = read.text('messageKinds', { max: 200 })?.split(',') ?? [...DIRECT_MESSAGE_KINDS];
    const before = (await services.users.get(actor.id))?.messagesOff ?? [];
    await services.users.turnOff(
      actor.id,
      DIRECT_MESSAGE_KINDS.filter((kind) =>
        offered.includes(kind) ? !messagesOn.includes(kind) : before.includes(kind),
      ),
    );
  }
  if (digestTime) await services.users.chooseDigestTime(actor.id, digestTime);
  if (language) await services.users.chooseLanguage(actor.id, language);
  // The zone or the digest's day and time may have moved: its next one moves with them.
  await planDigest(services, actor.id);
  // Answered in the language just chosen.
  const now = language ? await servicesFor(services, actor.id) : services;
  return cardResponse(await userSettingsCard(now, actor, now.strings.settings.saved));
};

/** The values of a multi-select, which sends them comma-separated (nothing chosen: none). */
function readList(read: InputReader, field: string): string[] {
  return (read.text(field, { max: 400 }) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

function readWorkingHours(read: InputReader): WorkingHoursChoice {
  // Anything but a number becomes NaN, which the rules refuse.
  const days = readList(read, 'workDays').map(Number);
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
