import { isMicrosoftHelp, type Upgrade } from '../../domain/dealType';
import { lifecycleForm } from './lifecycleForm';

const UPGRADES: readonly Upgrade[] = ['shareWithMicrosoft', 'inviteMicrosoft', 'invitePartner'];

/** Upgrades the deal's type: lets Microsoft see it, invites Microsoft, or invites a partner. */
export const upgradeDeal = lifecycleForm((read) => {
  const upgrade = read.text('upgrade', { required: true, max: 40 });
  const help = read.text('help', { max: 40 });
  if (upgrade && !UPGRADES.includes(upgrade as Upgrade))
    read.problems.push({ field: 'upgrade', problem: 'unknownChoice' });
  if (help && !isMicrosoftHelp(help)) read.problems.push({ field: 'help', problem: 'unknownChoice' });
  return {
    action: 'upgrade',
    input: {
      upgrade: upgrade as Upgrade,
      help: help && isMicrosoftHelp(help) ? help : undefined,
      partnerName: read.text('partnerName', { max: 200 }),
    },
  };
});
