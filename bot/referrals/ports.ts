import type { DateTime } from 'luxon';
import type { ReferralRecord } from '../domain/referral';
import type { ReminderPolicy } from '../domain/reminderPlan';
import type { Region } from '../domain/routing';
import type { WorkingHours } from '../domain/workingHours';
import type { Logger } from '../log';
import type {
  HeldTask,
  OutboxRepository,
  ReferralIndexRepository,
  ReferralChange,
  ReferralRepository,
  RoleRepository,
  ScheduleRepository,
  UserRepository,
} from '../store';

/*
 * What the referral use cases need from the world around them, each as small as they use it.
 * The adapters (bot/teams, bot/partnerCenter, bot/store, bot/jobs) implement these and bot/app.ts
 * hands them in; a use case names only the ports it uses, so it can be read (and tested) alone.
 * The stores are the repositories' own methods, picked: the table repositories are their one implementation.
 */

/** The time now; tests fix it. */
export type Clock = () => DateTime;

/** Referrals and their history, saved under their ETag (a lost race throws ConflictError). */
export type ReferralStore = Pick<ReferralRepository, 'get' | 'getWithClick' | 'create' | 'save' | 'history' | 'events'>;

/** The card tasks of referrals: queued after every change, held while a delivery is stored. */
export type CardTasks = Pick<OutboxRepository, 'enqueue' | 'hold'>;

/** What lists and digests read instead of every referral, and who was told what of a referral. */
export type IndexStore = Pick<ReferralIndexRepository, 'entry' | 'update' | 'facts' | 'openDeals'>;

/** Who the users are: their working hours, time zone and the messages they turned off. */
export type UserStore = Pick<UserRepository, 'find'>;

/** The index of due work (reminders, expiries, digests) the scheduler runs. */
export type ScheduleStore = Pick<ScheduleRepository, 'replacePlan'>;

/** Region managers admins granted (`managers add`), beside those of the regions file. */
export type RoleStore = Pick<RoleRepository, 'managerGrants'>;

/** Brings a referral's cards (channel and direct) to what is stored: its queued task is worked on soon. */
export interface CardPublisher {
  /** A change of the referral is stored: its held card task falls due, and runs now (see holdCardTask). */
  release(referralId: string): void;
}

/** Queues the write-back of the desk's decisions to Partner Center. */
export interface WriteBackQueue {
  /** Queues the referral when the desk has something Partner Center has not. */
  queue(record: ReferralRecord): Promise<void>;
}

/** Direct messages to people about a referral, each told once. */
export interface Notifier {
  /** Tells each person who now works on the deal how they came to. */
  tellNewPeople(record: ReferralRecord): Promise<void>;
  /** Tells the owner when Partner Center changed what the desk was writing. */
  tellConflicts(record: ReferralRecord): Promise<void>;
}

/** What storing one referral of a delivery wrote, or was writing when storing failed. */
export interface ReferralWrites {
  referralId: string;
  /** The referral's card task, held while the delivery is stored (see OutboxRepository.hold). */
  task?: HeldTask;
  /** The change of the referral, once it was sent to storage. */
  change?: ReferralChange;
}

/** Takes back what a delivery wrote when it could not be stored whole (see UnfinishedDeliveries). */
export interface DeliveryUndo {
  /** Takes back what earlier deliveries left to take back; throws while storage still fails. */
  settle(): Promise<void>;
  /** Takes back these writes, latest first, keeping what cannot be taken back yet for later. */
  takeBack(writes: readonly ReferralWrites[]): Promise<void>;
}

/** Every port and setting a referral use case may take; each takes a `Pick` of it. */
export interface UseCaseDeps {
  referrals: ReferralStore;
  outbox: CardTasks;
  cards: CardPublisher;
  indexes: IndexStore;
  users: UserStore;
  schedule: ScheduleStore;
  roles: RoleStore;
  unfinishedDeliveries: DeliveryUndo;
  /** Absent when the desk is not connected to Partner Center. */
  writeBack?: WriteBackQueue;
  reminderPolicy: ReminderPolicy;
  /** Working hours of users who chose none (in their own zone once Teams told it). */
  defaultHours: WorkingHours;
  regions: readonly Region[];
  /** Users who administer every region (see DESK_ADMINS). */
  admins: readonly string[];
  clock: Clock;
  log: Logger;
}
