import type { DateTime } from 'luxon';
import { renderNewDealCard } from '../../../cards/newDeal/newDealCard';
import type { AdaptiveCard } from '../../../cards/render';
import { COUNTRY_CODES, countryName } from '../../domain/countries';
import { MICROSOFT_HELP } from '../../domain/dealType';
import type { TeamMember } from '../../domain/referral';
import type { CatalogSolution } from '../../domain/solutions';
import type { Strings } from '../../strings/en';
import { currencyChoices, DEFAULT_CURRENCY } from './format';

/** The `new deal` form; `formId` becomes the new deal's id; `member` fills in its team member, to be changed. */
export function newDealCard(
  formId: string,
  solutions: readonly CatalogSolution[],
  now: DateTime,
  strings: Strings,
  member: TeamMember = {},
): AdaptiveCard {
  const n = strings.newDeal;
  const c = strings.card;
  return renderNewDealCard({
    formId,
    member,
    title: n.title,
    intro: n.intro,
    labels: {
      customer: n.customer,
      customerName: n.customerName,
      customerNameError: n.required(n.customerName),
      country: n.country,
      chooseCountry: n.chooseCountry,
      countryError: n.required(n.country),
      contact: n.contact,
      firstName: c.firstName,
      lastName: c.lastName,
      phone: c.phone,
      email: c.email,
      nameError: c.nameError,
      phoneError: c.phoneError,
      emailError: c.emailError,
      deal: n.deal,
      dealName: c.dealName,
      dealNameError: c.required(c.dealName),
      dealValue: c.dealValue,
      dealValueError: c.positiveValue,
      currency: c.currency,
      currencyError: c.required(c.currency),
      closingDate: c.closingDate,
      closingDateError: c.futureDate,
      notes: n.notesOptional,
      crmId: c.crmIdOptional,
      campaignId: c.campaignIdOptional,
      member: n.member,
      solutions: n.solutions,
      solutionsLabel: c.dealSolutions,
      chooseSolutions: n.chooseSolutions,
      solutionsError: n.required(c.dealSolutions),
      microsoft: n.microsoft,
      help: n.help,
      helpError: n.required(strings.fieldNames.help),
      maySee: n.maySee,
      maySeeError: n.required(strings.fieldNames.microsoftSellersMaySee),
      yes: n.yes,
      no: n.no,
      submit: n.submit,
    },
    countries: COUNTRY_CODES.map((code) => ({ title: countryName(code, strings.format.locale), value: code })).sort(
      (a, b) => a.title.localeCompare(b.title, strings.format.locale),
    ),
    currency: DEFAULT_CURRENCY,
    currencies: currencyChoices(undefined),
    minDate: now.toUTC().toISODate()!,
    solutions: solutions.map((solution) => ({
      title: solution.name + (solution.kind === 'assessment' ? c.assessmentSuffix : ''),
      value: solution.id,
    })),
    helpChoices: MICROSOFT_HELP.map((help) => ({ title: strings.microsoftHelp[help], value: help })),
  });
}
