import type { Notifier } from '../referrals';
import type { Services } from '../services';
import { tellNewPeople } from './assignmentNotices';
import { tellConflicts } from './conflictNotices';

/** The use cases' notifier in Teams: direct messages, each person's own card attached, in their language. */
export function teamsNotifier(services: Services): Notifier {
  return {
    tellNewPeople: (record) => tellNewPeople(services, record),
    tellConflicts: (record) => tellConflicts(services, record),
  };
}
