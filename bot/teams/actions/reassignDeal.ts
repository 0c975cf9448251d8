import type { Actor } from '../../domain/referral';
import { isEmail } from '../../domain/validation';
import { findTeamMember } from '../teamDirectory';
import { lifecycleForm } from './lifecycleForm';

/** Hands the deal to the team member with the given e-mail (its owner, region managers and admins). */
export const reassignDeal = lifecycleForm(async (read, { turn }) => {
  const email = read.text('newOwnerEmail', { required: true, max: 200 });
  let newOwner: Actor | undefined;
  if (email && !isEmail(email)) read.problems.push({ field: 'newOwnerEmail', problem: 'invalidEmail' });
  else if (email) {
    newOwner = await findTeamMember(turn, email);
    if (!newOwner) read.problems.push({ field: 'newOwnerEmail', problem: 'notInTeam' });
  }
  return { action: 'reassign', input: { newOwner: newOwner ?? { id: '', name: email } } };
});
