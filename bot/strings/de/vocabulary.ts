/**
 * The words for the desk's values: the app's name, how numbers and dates are written, stages, deal
 * types, kinds of lead, help requested and close reasons, in German.
 */
import type { CloseReason } from '../../domain/reasons';
import type { Strings } from '../en';

/**
 * German labels of Partner Center's documented decline and loss reasons. They are only what
 * the card's choice list shows: Partner Center's `statusReason` still receives the documented
 * English text (`CLOSE_REASONS`), whatever the reader's language.
 */
const closeReasonLabels = {
  budgetNotAdequate: 'Projektbudget nicht ausreichend',
  customerDidNotRespond: 'Kunde hat nicht reagiert',
  customerChoseAnotherVendor: 'Kunde hat sich für einen anderen Anbieter entschieden',
  requirementNotMet: 'Kundenanforderung nicht erfüllt',
  notACustomer: 'Kein Kunde',
  timelineTooShort: 'Vorgeschlagener Zeitrahmen zu kurz',
  abuse: 'Als Missbrauch, Spam oder Phishing melden',
  other: 'Sonstiges',
} satisfies Record<CloseReason, string>;

export const appName: Strings['appName'] = 'Referral Desk';

export const format: Strings['format'] = {
  locale: 'de',
  date: 'd. LLL yyyy',
  dateTime: "ccc d. LLL 'um' HH:mm",
  shortDate: 'd. LLL',
  shortDateTime: 'd. LLL HH:mm',
  list: (...items: string[]) => items.join(', '),
  clauses: (...items: string[]) => items.join('; '),
  employees: (range: string) => `${range} Beschäftigte`,
  minutes: (n: number) => `${n} Minute${n === 1 ? '' : 'n'}`,
  hours: (n: number) => `${n} Stunde${n === 1 ? '' : 'n'}`,
  days: (n: number) => `${n} Tag${n === 1 ? '' : 'e'}`,
};

export const stage: Strings['stage'] = {
  received: 'Neue Empfehlung',
  evaluating: 'In Prüfung',
  accepted: 'Angenommen',
  won: 'Gewonnen',
  lost: 'Verloren',
  declined: 'Abgelehnt',
  expired: 'Abgelaufen',
  missed: 'Verpasst',
};

export const salesStage: Strings['salesStage'] = {
  none: 'Angenommen (10 %)',
  created: 'Erstellt (10 %)',
  Qualified: 'Qualifiziert (20 %)',
  Developed: 'Entwickelt (40 %)',
  Proposed: 'Vorgeschlagen (60 %)',
  Negotiated: 'Verhandelt (80 %)',
};

export const dealType: Strings['dealType'] = {
  private: 'Privat',
  partnerLed: 'Partnergeführt (für Microsoft-Verkäufer sichtbar)',
  coSell: 'Co-Sell mit Microsoft',
  p2p: 'Partner-zu-Partner',
  solutionAssessment: 'Lösungsbewertung',
};

export const microsoftHelp: Strings['microsoftHelp'] = {
  none: 'Derzeit keine Hilfe erforderlich',
  technicalArchitecture: 'Beratung zur technischen Architektur',
  demoOrProofOfConcept: 'Kundendemo oder Proof of Concept',
  pricingAndLicensing: 'Preise und Lizenzierung',
  dealStrategy: 'Deal-Strategie und Executive Sponsorship',
  other: 'Sonstige Hilfe',
};

export const helpRequested: Strings['helpRequested'] = {
  ProofOfConceptOrDemo: 'Proof of Concept oder Demo',
  CustomerTechnicalArchitecture: 'Technische Architektur beim Kunden',
  QuotesOrLicensing: 'Angebote oder Lizenzierung',
  WorkloadSpecificValueProposition: 'Workload-spezifisches Nutzenversprechen',
  GeneralOrOther: 'Allgemein oder Sonstiges',
};

export const leadKind: Strings['leadKind'] = {
  customerInquiry: 'Kundenanfrage (Marketplace-Lead)',
  marketingQualified: 'Marketingqualifizierter Lead von Microsoft',
  salesQualified: 'Vertriebsqualifizierter Lead von Microsoft',
  coSellFromMicrosoft: 'Co-Sell-Einladung von Microsoft',
  coSellFromPartner: 'Co-Sell-Einladung eines Partners',
};

// `Strings` types the English labels as the literal texts of CLOSE_REASONS (en/vocabulary.ts passes
// the const object itself), so a translation has to be asserted to that type. Only the keys matter
// to the code: the card shows the label and sends the code.
export const closeReason: Strings['closeReason'] = closeReasonLabels;
