import type { Choice } from '../elements';

/** The form's wording: headings, labels and what each input says when left empty or wrong. */
export interface NewDealLabels {
  customer: string;
  customerName: string;
  customerNameError: string;
  country: string;
  chooseCountry: string;
  countryError: string;
  contact: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  nameError: string;
  phoneError: string;
  emailError: string;
  deal: string;
  dealName: string;
  dealNameError: string;
  dealValue: string;
  dealValueError: string;
  currency: string;
  currencyError: string;
  closingDate: string;
  closingDateError: string;
  notes: string;
  crmId: string;
  campaignId: string;
  member: string;
  solutions: string;
  solutionsLabel: string;
  chooseSolutions: string;
  solutionsError: string;
  microsoft: string;
  help: string;
  helpError: string;
  maySee: string;
  maySeeError: string;
  yes: string;
  no: string;
  submit: string;
}

/** The `new deal` form, worded and with its choices. */
export interface NewDealCardData {
  /** Identifies this form: the deal it creates gets this id, so a second submit creates nothing new. */
  formId: string;
  /** What the team member's inputs start with (the sender, as far as known); each stays editable. */
  member: { firstName?: string; lastName?: string; phoneNumber?: string; email?: string };
  title: string;
  intro: string;
  labels: NewDealLabels;
  countries: Choice[];
  currency: string;
  currencies: Choice[];
  minDate: string;
  solutions: Choice[];
  helpChoices: Choice[];
}
