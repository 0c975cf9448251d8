import type { Notifier } from '../referrals';
import { tellNewPeople, type AssignmentNoticeServices } from './assignmentNotices';
import { tellConflicts, type ConflictNoticeServices } from './conflictNotices';

/** What the notifier's messages use. */
export type NotifierServices = AssignmentNoticeServices & ConflictNoticeServices;

/** The use cases' notifier in Teams: direct messages, each person's own card attached, in their language. */
export function teamsNotifier(services: NotifierServices): Notifier {
  return {
    tellNewPeople: (record) => tellNewPeople(services, record),
    tellConflicts: (record) => tellConflicts(services, record),
  };
}
