import { column, columnSet, heading, valueOf, type CardAction, type CardElement } from '../elements';
import type { Verb } from '../verbs';
import type { ReasonForm, ReferralCardData } from './referralCardData';

/** Accepting a referral and editing the deal ask for these alike, with the same labels. */
type DealFields = ReferralCardData['accept'];

export function dealNameInput(f: DealFields): CardElement {
  return {
    type: 'Input.Text',
    id: 'dealName',
    label: f.dealNameLabel,
    value: f.dealName,
    maxLength: 200,
    isRequired: true,
    errorMessage: f.dealNameError,
  };
}

/** The deal's value, and its currency beside it. */
export function dealValueInputs(f: DealFields): CardElement {
  return columnSet(
    column('stretch', {
      type: 'Input.Number',
      id: 'dealValue',
      label: f.dealValueLabel,
      ...valueOf(f.dealValue),
      min: 0,
      isRequired: true,
      errorMessage: f.dealValueError,
    }),
    column('auto', {
      type: 'Input.ChoiceSet',
      id: 'currency',
      label: f.currencyLabel,
      value: f.currency,
      style: 'compact',
      isRequired: true,
      errorMessage: f.currencyError,
      choices: f.currencies.map(({ title, value }) => ({ title, value })),
    }),
  );
}

/** The optional CRM and campaign ids. */
export function referenceInputs(f: DealFields): CardElement[] {
  return [
    { type: 'Input.Text', id: 'crmId', label: f.crmIdLabel, value: f.crmId, maxLength: 100 },
    { type: 'Input.Text', id: 'campaignId', label: f.campaignIdLabel, value: f.campaignId, maxLength: 100 },
  ];
}

/** Decline and Lost: a required reason from the documented ones, and optional notes. */
export function reasonFormAction(
  form: ReasonForm,
  ids: { reason: string; notes: string },
  verb: Verb,
  referralId: string,
): CardAction {
  return {
    type: 'Action.ShowCard',
    title: form.buttonTitle,
    card: {
      type: 'AdaptiveCard',
      body: [
        heading(form.title),
        {
          type: 'Input.ChoiceSet',
          id: ids.reason,
          label: form.reasonLabel,
          style: 'compact',
          isRequired: true,
          errorMessage: form.reasonError,
          choices: form.reasons.map(({ title, value }) => ({ title, value })),
        },
        { type: 'Input.Text', id: ids.notes, label: form.notesLabel, isMultiline: true, maxLength: 2000 },
      ],
      actions: [{ type: 'Action.Execute', title: form.submit, style: 'destructive', verb, data: { referralId } }],
    },
  };
}
