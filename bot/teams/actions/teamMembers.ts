import { isEmail } from '../../domain/validation';
import { findTeamMember } from '../teamDirectory';
import { lifecycleForm } from './lifecycleForm';

/**
 * Adds a person to the deal's team. When their e-mail belongs to a member of this Teams
 * team, they get that account too and may work the deal from Teams.
 */
export const addTeamMember = lifecycleForm(async (read, { turn }) => {
  const member = {
    firstName: read.text('firstName', { max: 100 }) ?? '',
    lastName: read.text('lastName', { max: 100 }) ?? '',
    phoneNumber: read.text('phoneNumber', { max: 30 }) ?? '',
    email: read.text('email', { max: 200 }) ?? '',
  };
  const account = isEmail(member.email) ? await findTeamMember(turn, member.email) : undefined;
  return { action: 'addMember', input: { member, account } };
});

/** Removes a person (by e-mail) from the deal's team. */
export const removeTeamMember = lifecycleForm((read) => ({
  action: 'removeMember',
  input: { email: read.text('email', { required: true, max: 200 }) },
}));
