import { cardResponse } from '../invokeResponses';
import { userSettingsCard, type SettingsCardServices } from '../views/settingsCardView';
import type { ActionHandler } from './actionHandler';

/**
 * "Show all time zones" on the settings card: the clicking user's settings card as stored,
 * offering every zone. Changes nothing; what was changed on the card and not saved yet is
 * shown as stored again.
 */
export const showAllZones: ActionHandler<SettingsCardServices> = async ({ services, actor }) =>
  cardResponse(await userSettingsCard(services, actor, undefined, true));
