import { cardAttachment } from '../../../cards/render';
import { userSettingsCard, type SettingsCardServices } from '../views/settingsCardView';
import type { Command } from './command';

/** `settings`: the sender's time zone and working hours, which direct messages to them follow, to see and change. */
export const settings: Command<SettingsCardServices> = async ({ turn, actor, services }) => {
  await turn.sendActivity({ attachments: [cardAttachment(await userSettingsCard(services, actor))] });
};
