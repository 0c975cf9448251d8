import { column, columnSet, type CardElement, type Choice, type TextBlock, type TextInput } from '../elements';
import type { NewDealCardData, NewDealLabels } from './newDealCardData';

/** A part's heading, set off from the part above by a line. */
function partHeading(text: string): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', spacing: 'Medium', separator: true, wrap: true };
}

const choices = (list: readonly Choice[]): Choice[] => list.map(({ title, value }) => ({ title, value }));

/** The customer's name and country. */
export function customerSection(d: NewDealCardData): CardElement[] {
  const l = d.labels;
  return [
    partHeading(l.customer),
    {
      type: 'Input.Text',
      id: 'customerName',
      label: l.customerName,
      maxLength: 200,
      isRequired: true,
      errorMessage: l.customerNameError,
    },
    {
      type: 'Input.ChoiceSet',
      id: 'country',
      label: l.country,
      placeholder: l.chooseCountry,
      style: 'compact',
      isRequired: true,
      errorMessage: l.countryError,
      choices: choices(d.countries),
    },
  ];
}

/**
 * A person's name, phone and email, all required, with input ids that start with `prefix`,
 * each starting with what `known` holds of it.
 */
function personInputs(prefix: string, l: NewDealLabels, known: NewDealCardData['member'] = {}): CardElement[] {
  const input = (id: string, label: string, error: string, extra: Partial<TextInput>): TextInput => ({
    type: 'Input.Text',
    id: `${prefix}${id}`,
    label,
    ...(known[lowerFirst(id)] ? { value: known[lowerFirst(id)] } : {}),
    ...extra,
    maxLength: extra.maxLength ?? 100,
    isRequired: true,
    errorMessage: error,
  });
  return [
    columnSet(
      column('stretch', input('FirstName', l.firstName, l.nameError, {})),
      column('stretch', input('LastName', l.lastName, l.nameError, {})),
    ),
    columnSet(
      column('stretch', input('PhoneNumber', l.phone, l.phoneError, { style: 'Tel', maxLength: 30 })),
      column('stretch', input('Email', l.email, l.emailError, { style: 'Email', maxLength: 200 })),
    ),
  ];
}

/** The customer's contact (Partner Center requires one). */
export function contactSection(l: NewDealLabels): CardElement[] {
  return [{ type: 'TextBlock', text: l.contact, weight: 'Bolder', wrap: true }, ...personInputs('contact', l)];
}

/** The deal: name, value and currency, close date, notes and the optional ids. */
export function dealSection(d: NewDealCardData): CardElement[] {
  const l = d.labels;
  return [
    partHeading(l.deal),
    {
      type: 'Input.Text',
      id: 'dealName',
      label: l.dealName,
      maxLength: 200,
      isRequired: true,
      errorMessage: l.dealNameError,
    },
    columnSet(
      column('stretch', {
        type: 'Input.Number',
        id: 'dealValue',
        label: l.dealValue,
        min: 0,
        isRequired: true,
        errorMessage: l.dealValueError,
      }),
      column('auto', {
        type: 'Input.ChoiceSet',
        id: 'currency',
        label: l.currency,
        value: d.currency,
        style: 'compact',
        isRequired: true,
        errorMessage: l.currencyError,
        choices: choices(d.currencies),
      }),
    ),
    {
      type: 'Input.Date',
      id: 'closingDate',
      label: l.closingDate,
      min: d.minDate,
      isRequired: true,
      errorMessage: l.closingDateError,
    },
    { type: 'Input.Text', id: 'notes', label: l.notes, isMultiline: true, maxLength: 2000 },
    columnSet(
      column('stretch', { type: 'Input.Text', id: 'crmId', label: l.crmId, maxLength: 100 }),
      column('stretch', { type: 'Input.Text', id: 'campaignId', label: l.campaignId, maxLength: 100 }),
    ),
  ];
}

/** A member of the partner's team on the deal (Partner Center requires one). */
export function memberSection(d: NewDealCardData): CardElement[] {
  return [partHeading(d.labels.member), ...personInputs('member', d.labels, d.member)];
}

/** "FirstName" → "firstName": an input's id part as the person's field. */
function lowerFirst(id: string): keyof NewDealCardData['member'] {
  return (id[0].toLowerCase() + id.slice(1)) as keyof NewDealCardData['member'];
}

/** The partner's solutions the deal is about, at least one. */
export function solutionsSection(d: NewDealCardData): CardElement[] {
  const l = d.labels;
  return [
    partHeading(l.solutions),
    {
      type: 'Input.ChoiceSet',
      id: 'solutions',
      label: l.solutionsLabel,
      placeholder: l.chooseSolutions,
      isMultiSelect: true,
      style: 'compact',
      isRequired: true,
      errorMessage: l.solutionsError,
      choices: choices(d.solutions),
    },
  ];
}

/** The help asked of Microsoft, and whether Microsoft's sellers may see the deal. */
export function microsoftSection(d: NewDealCardData): CardElement[] {
  const l = d.labels;
  return [
    partHeading(l.microsoft),
    {
      type: 'Input.ChoiceSet',
      id: 'help',
      label: l.help,
      style: 'compact',
      isRequired: true,
      errorMessage: l.helpError,
      choices: choices(d.helpChoices),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'microsoftSellersMaySee',
      label: l.maySee,
      style: 'expanded',
      isRequired: true,
      errorMessage: l.maySeeError,
      choices: [
        { title: l.yes, value: 'true' },
        { title: l.no, value: 'false' },
      ],
    },
  ];
}
