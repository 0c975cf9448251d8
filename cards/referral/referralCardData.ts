import type { Choice, ContainerStyle, TextColor } from '../elements';

/** Everything the referral card shows, already worded and formatted. Empty text hides its block. */
export interface ReferralCardData {
  referralId: string;
  /** Shown in a banner on top, e.g. why an action did not apply. */
  notice: string;
  headerStyle: ContainerStyle;
  /** The stage, in the header's default colour: coloured text on its grey is hard to read. */
  stageLabel: string;
  title: string;
  subtitle: string;
  contactFlag: string;
  contactFlagColor: TextColor;
  /** Time left, or who decided and when. */
  status: string;
  statusColor: TextColor;
  /** The deal's facts (value, dates, owner…). */
  facts: Choice[];
  /**
   * Who the customer is: while undecided their facts lead the card's and their needs follow;
   * once decided, both are collapsed under a `title` button, the deal's facts coming first.
   */
  customer: {
    collapsed: boolean;
    title: string;
    facts: Choice[];
    /**
     * Whom to contact, a line each (name, e-mail, phone), at the card's full width: an e-mail
     * address does not break, and a fact's narrow value column would cut it on a phone.
     */
    contact?: { label: string; lines: string[] };
  };
  /** What the customer asked for, as they wrote it; `long` offers "Show more" past the first lines. */
  needs: { label: string; text: string; long: boolean; more: string; less: string };
  /** The deal team's own notes (Accept, Won, Edit deal), apart from the customer's request; empty hides them. */
  deskNotes: { label: string; text: string };
  responseTarget: string;
  /** Whether Accept and Decline are offered. */
  actionable: boolean;
  /** Interested and No thanks (the older two-step flow's first answer). */
  interest: { show: boolean; interested: string; noThanks: string };
  /** Whether Won and Lost are offered (only in the card of someone working the deal). */
  dealActions: boolean;
  /** Teams user ids whose clients fetch their own version of the card (at most 60). */
  refreshUserIds: string[];
  /**
   * Title of a button that fetches the clicking user's own version, for clients that do
   * not refresh cards by themselves; empty hides it.
   */
  dealActionsButton: string;
  accept: {
    buttonTitle: string;
    title: string;
    submit: string;
    dealNameLabel: string;
    dealName: string;
    dealNameError: string;
    dealValueLabel: string;
    dealValue: number | null;
    dealValueError: string;
    currencyLabel: string;
    currency: string;
    currencyError: string;
    currencies: Choice[];
    closingDateLabel: string;
    closingDate: string | null;
    minDate: string;
    closingDateError: string;
    notesLabel: string;
    notes: string;
    notesError: string;
    crmIdLabel: string;
    crmId: string;
    campaignIdLabel: string;
    campaignId: string;
  };
  decline: ReasonForm;
  win: {
    /** False while a solution-assessment deal has stages to complete. */
    allowed: boolean;
    buttonTitle: string;
    title: string;
    submit: string;
    valueLabel: string;
    value: number | null;
    valueError: string;
    notesLabel: string;
  };
  lose: ReasonForm;
  /** Why Won is not offered yet; empty hides it. */
  winHint: string;
  /** The sales stage as a bar (percent done and the rest, as column weights), named by its label. */
  progress: { show: boolean; label: string; percent: number; rest: number };
  team: { title: string; members: Listed[] };
  /** On a reminder: snooze it, and for a deal gone stale, move its close date. */
  reminder: {
    show: boolean;
    snoozeLabel: string;
    snoozeChoices: Choice[];
    moveCloseDate: {
      show: boolean;
      buttonTitle: string;
      label: string;
      value: string | null;
      minDate: string;
      error: string;
      submit: string;
    };
  };
  /** Deal-registration eligibility of a won deal, or what a deal still needs for it; empty hides it. */
  registration: string;
  footer: { historyTitle: string; favoriteTitle: string; favoriteOn: boolean };
  edit: {
    buttonTitle: string;
    title: string;
    submit: string;
    closingDate: string | null;
    salesStageLabel: string;
    salesStage: string;
    salesStages: Choice[];
    notesLabel: string;
    notes: string;
    /** What the form shows, as JSON: a save is merged against what changed since it was opened. */
    base: string;
  };
  teamForm: {
    buttonTitle: string;
    empty: string;
    remove: string;
    addTitle: string;
    firstName: string;
    lastName: string;
    phone: string;
    email: string;
    hint: string;
    requiredError: string;
    phoneError: string;
    emailError: string;
    submit: string;
  };
  solutionsForm: {
    title: string;
    empty: string;
    current: Listed[];
    addTitle: string;
    label: string;
    requiredError: string;
    choices: Choice[];
    submit: string;
  };
  reassign: {
    /** Whether the viewer may hand the deal to someone else (its owner, a manager or an admin). */
    allowed: boolean;
    buttonTitle: string;
    title: string;
    label: string;
    error: string;
    submit: string;
  };
  upgrade: {
    buttonTitle: string;
    title: string;
    label: string;
    error: string;
    choices: Choice[];
    askHelp: boolean;
    helpLabel: string;
    helpChoices: Choice[];
    askPartner: boolean;
    partnerLabel: string;
    submit: string;
  };
}

/** A line of a list with a Remove button; `key` identifies the item to the bot. */
export interface Listed {
  text: string;
  key: string;
}

/** A form that closes a referral with one of the documented reasons (Decline, Lost). */
export interface ReasonForm {
  buttonTitle: string;
  title: string;
  submit: string;
  reasonLabel: string;
  reasonError: string;
  reasons: Choice[];
  notesLabel: string;
}

/** Adaptive Card refresh lists hold at most this many users. */
export const MAX_REFRESH_USERS = 60;
