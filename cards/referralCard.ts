import template from './templates/referral.json';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

export type TextColor = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface Choice {
  title: string;
  value: string;
}

/** Everything the referral card shows, already worded and formatted. Empty text hides its block. */
export interface ReferralCardData {
  referralId: string;
  /** Shown in a banner on top, e.g. why an action did not apply. */
  notice: string;
  headerStyle: ContainerStyle;
  stageLabel: string;
  stageColor: TextColor;
  title: string;
  subtitle: string;
  contactFlag: string;
  contactFlagColor: TextColor;
  /** Time left, or who decided and when. */
  status: string;
  statusColor: TextColor;
  facts: Choice[];
  labels: { needs: string };
  needs: string;
  responseTarget: string;
  /** Whether Accept and Decline are offered. */
  actionable: boolean;
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
  decline: {
    buttonTitle: string;
    title: string;
    submit: string;
    reasonLabel: string;
    reasonError: string;
    reasons: Choice[];
    notesLabel: string;
  };
}

const referralTemplate = new CardTemplate<ReferralCardData & { accept: { verb: string }; decline: { verb: string } }>(template);

/** The referral's card in its channel (and in replies to actions on it). */
export function renderReferralCard(data: ReferralCardData): AdaptiveCard {
  return referralTemplate.render({
    ...data,
    accept: { ...data.accept, verb: VERBS.accept },
    decline: { ...data.decline, verb: VERBS.decline },
  });
}
