/**
 * What generated referrals are made of: countries the default regions route (with a city,
 * currency and locale each), fictitious customers, projects with their solutions, and
 * who invites partners. Contacts are named by role, never after people.
 */

export interface CountryProfile {
  code: string;
  city: string;
  state?: string;
  postalCode: string;
  addressLine1: string;
  phonePrefix: string;
  currency: string;
  locale: string;
  /** Local currency units per US dollar, roughly, to size deal values. */
  perDollar: number;
  /** The legal form customers there carry in their name. */
  legalForm: string;
}

/** The countries generated referrals come from, in each of the three default regions. */
export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'US',
    city: 'Seattle',
    state: 'WA',
    postalCode: '98101',
    addressLine1: '1200 Fifth Avenue',
    phonePrefix: '+1 206 555',
    currency: 'USD',
    locale: 'en-US',
    perDollar: 1,
    legalForm: 'Inc.',
  },
  {
    code: 'CA',
    city: 'Toronto',
    state: 'ON',
    postalCode: 'M5V 2T6',
    addressLine1: '150 King Street West',
    phonePrefix: '+1 416 555',
    currency: 'CAD',
    locale: 'en-CA',
    perDollar: 1.35,
    legalForm: 'Ltd.',
  },
  {
    code: 'BR',
    city: 'São Paulo',
    state: 'SP',
    postalCode: '01310-100',
    addressLine1: 'Avenida Paulista 1000',
    phonePrefix: '+55 11 3555',
    currency: 'BRL',
    locale: 'pt-BR',
    perDollar: 5,
    legalForm: 'Ltda.',
  },
  {
    code: 'MX',
    city: 'Monterrey',
    state: 'NL',
    postalCode: '64000',
    addressLine1: 'Avenida Constitución 400',
    phonePrefix: '+52 81 5555',
    currency: 'MXN',
    locale: 'es-MX',
    perDollar: 17,
    legalForm: 'S.A. de C.V.',
  },
  {
    code: 'DE',
    city: 'München',
    state: 'Bayern',
    postalCode: '80331',
    addressLine1: 'Marienplatz 8',
    phonePrefix: '+49 89 5555',
    currency: 'EUR',
    locale: 'de-DE',
    perDollar: 0.92,
    legalForm: 'GmbH',
  },
  {
    code: 'FR',
    city: 'Lyon',
    postalCode: '69002',
    addressLine1: '12 rue de la République',
    phonePrefix: '+33 4 5555',
    currency: 'EUR',
    locale: 'fr-FR',
    perDollar: 0.92,
    legalForm: 'SAS',
  },
  {
    code: 'GB',
    city: 'Manchester',
    postalCode: 'M1 1AE',
    addressLine1: '20 Piccadilly',
    phonePrefix: '+44 161 555',
    currency: 'GBP',
    locale: 'en-GB',
    perDollar: 0.79,
    legalForm: 'Ltd',
  },
  {
    code: 'NL',
    city: 'Utrecht',
    postalCode: '3511 AB',
    addressLine1: 'Oudegracht 100',
    phonePrefix: '+31 30 555',
    currency: 'EUR',
    locale: 'nl-NL',
    perDollar: 0.92,
    legalForm: 'B.V.',
  },
  {
    code: 'SE',
    city: 'Göteborg',
    postalCode: '411 06',
    addressLine1: 'Kungsportsavenyen 10',
    phonePrefix: '+46 31 555',
    currency: 'SEK',
    locale: 'sv-SE',
    perDollar: 10.5,
    legalForm: 'AB',
  },
  {
    code: 'ZA',
    city: 'Cape Town',
    state: 'Western Cape',
    postalCode: '8001',
    addressLine1: '30 Long Street',
    phonePrefix: '+27 21 555',
    currency: 'ZAR',
    locale: 'en-ZA',
    perDollar: 18,
    legalForm: '(Pty) Ltd',
  },
  {
    code: 'AE',
    city: 'Dubai',
    postalCode: '00000',
    addressLine1: 'Sheikh Zayed Road 1',
    phonePrefix: '+971 4 555',
    currency: 'AED',
    locale: 'en-AE',
    perDollar: 3.67,
    legalForm: 'LLC',
  },
  {
    code: 'JP',
    city: 'Osaka',
    state: 'Osaka',
    postalCode: '530-0001',
    addressLine1: '1-1 Umeda, Kita-ku',
    phonePrefix: '+81 6 5555',
    currency: 'JPY',
    locale: 'ja-JP',
    perDollar: 150,
    legalForm: 'K.K.',
  },
  {
    code: 'AU',
    city: 'Melbourne',
    state: 'VIC',
    postalCode: '3000',
    addressLine1: '200 Collins Street',
    phonePrefix: '+61 3 5555',
    currency: 'AUD',
    locale: 'en-AU',
    perDollar: 1.5,
    legalForm: 'Pty Ltd',
  },
  {
    code: 'IN',
    city: 'Bengaluru',
    state: 'Karnataka',
    postalCode: '560001',
    addressLine1: '40 MG Road',
    phonePrefix: '+91 80 5555',
    currency: 'INR',
    locale: 'en-IN',
    perDollar: 83,
    legalForm: 'Pvt Ltd',
  },
  {
    code: 'SG',
    city: 'Singapore',
    postalCode: '018989',
    addressLine1: '10 Marina Boulevard',
    phonePrefix: '+65 6555',
    currency: 'SGD',
    locale: 'en-SG',
    perDollar: 1.35,
    legalForm: 'Pte Ltd',
  },
];

/** Fictitious companies: a name and the domain of their e-mail addresses. */
export const CUSTOMERS: readonly { name: string; domain: string }[] = [
  { name: 'Contoso', domain: 'contoso.example' },
  { name: 'Fabrikam', domain: 'fabrikam.example' },
  { name: 'Northwind Traders', domain: 'northwindtraders.example' },
  { name: 'Adventure Works Cycles', domain: 'adventure-works.example' },
  { name: 'Tailspin Toys', domain: 'tailspintoys.example' },
  { name: 'Wide World Importers', domain: 'wideworldimporters.example' },
  { name: 'Alpine Ski House', domain: 'alpineskihouse.example' },
  { name: 'Coho Winery', domain: 'cohowinery.example' },
  { name: 'Woodgrove Bank', domain: 'woodgrovebank.example' },
  { name: 'Fourth Coffee', domain: 'fourthcoffee.example' },
  { name: 'Lamna Healthcare', domain: 'lamnahealthcare.example' },
  { name: 'Relecloud', domain: 'relecloud.example' },
  { name: 'Wingtip Toys', domain: 'wingtiptoys.example' },
  { name: 'Lucerne Publishing', domain: 'lucernepublishing.example' },
  { name: 'Humongous Insurance', domain: 'humongousinsurance.example' },
  { name: 'Blue Yonder Airlines', domain: 'blueyonderairlines.example' },
  { name: 'VanArsdel', domain: 'vanarsdel.example' },
  { name: 'Consolidated Messenger', domain: 'consolidatedmessenger.example' },
  { name: 'Southridge Video', domain: 'southridgevideo.example' },
  { name: 'Munson’s Pickles and Preserves', domain: 'munsonspickles.example' },
];

/** Customer sizes as Partner Center writes them. */
export const COMPANY_SIZES = [
  '1to50employees',
  '51to250employees',
  '251to1000employees',
  '1001to5000employees',
  '5001to10000employees',
] as const;

/** Industries named in a referral's requirements. */
export const INDUSTRIES = [
  'Manufacturing',
  'Retail & Consumer Goods',
  'Financial Services',
  'Healthcare',
  'Hospitality',
  'Education',
  'Government',
  'Media & Communications',
] as const;

/** Customer contacts by role: first and last name fields as Partner Center holds them. */
export const CONTACT_ROLES: readonly [string, string][] = [
  ['IT', 'Director'],
  ['Head of', 'Operations'],
  ['Chief', 'Information Officer'],
  ['Procurement', 'Lead'],
  ['Cloud', 'Architect'],
  ['Finance', 'Manager'],
  ['Security', 'Officer'],
  ['Digital', 'Transformation Lead'],
];

/** What customers ask for: the deal name's project, a note, the solutions and products it names. */
export interface Project {
  name: string;
  notes: string;
  products: string[];
  services: string[];
  solutions: { id: string; name: string; type: 'Category' | 'Name' }[];
  /** Typical deal size in US dollars, smallest and largest. */
  dollars: [number, number];
}

/** The projects generated referrals are about. */
export const PROJECTS: readonly Project[] = [
  {
    name: 'cloud migration',
    notes: 'Move the on-premises servers of two data centres to Azure before the hardware lease ends.',
    products: ['Azure'],
    services: ['Migration', 'Deployment'],
    solutions: [{ id: 'AzureMigration', name: 'Azure migration', type: 'Category' }],
    dollars: [40_000, 400_000],
  },
  {
    name: 'Microsoft 365 Copilot rollout',
    notes: 'Roll out Copilot to the sales and finance departments, with data governance and training.',
    products: ['Microsoft365'],
    services: ['Deployment', 'Training'],
    solutions: [{ id: 'ModernWork', name: 'Modern work', type: 'Category' }],
    dollars: [15_000, 150_000],
  },
  {
    name: 'security operations centre',
    notes: 'Replace the current SIEM with Microsoft Sentinel and have the alerts watched around the clock.',
    products: ['Azure', 'Microsoft365'],
    services: ['ManagedServices', 'Deployment'],
    solutions: [{ id: 'Security', name: 'Security', type: 'Category' }],
    dollars: [30_000, 250_000],
  },
  {
    name: 'data platform on Fabric',
    notes: 'Bring sales, stock and web data into one place and build the management reports on it.',
    products: ['Azure', 'PowerPlatform'],
    services: ['CustomSolution(ISV)', 'Integration'],
    solutions: [
      { id: 'DataAndAI', name: 'Data and AI', type: 'Category' },
      { id: 'Analytics', name: 'Analytics', type: 'Category' },
    ],
    dollars: [25_000, 300_000],
  },
  {
    name: 'Dynamics 365 Sales implementation',
    notes: 'Replace spreadsheets and an old CRM with Dynamics 365 Sales for about 80 sellers.',
    products: ['Dynamics365Enterprise'],
    services: ['Deployment', 'Integration', 'Training'],
    solutions: [{ id: 'BusinessApplications', name: 'Business applications', type: 'Category' }],
    dollars: [20_000, 200_000],
  },
  {
    name: 'virtual desktops',
    notes: 'Give the call centre and remote staff Azure Virtual Desktop instead of ageing laptops.',
    products: ['Azure'],
    services: ['Deployment', 'ManagedServices'],
    solutions: [{ id: 'AzureVirtualDesktop', name: 'Azure Virtual Desktop', type: 'Name' }],
    dollars: [10_000, 120_000],
  },
  {
    name: 'Teams Phone rollout',
    notes: 'Move the branch offices off the old phone system to Teams Phone with calling plans.',
    products: ['Microsoft365'],
    services: ['Deployment'],
    solutions: [{ id: 'ModernWork', name: 'Modern work', type: 'Category' }],
    dollars: [5_000, 60_000],
  },
];

/** Microsoft's organization, as it appears in `inviteContext.invitedBy`. */
export const MICROSOFT = {
  organizationId: 'cd95e0b4-1950-4501-87ae-f30b0e6b75e8',
  organizationName: 'Microsoft',
} as const;

/** Other partners that invite to co-sell. */
export const PARTNER_INVITERS: readonly { organizationId: string; organizationName: string }[] = [
  { organizationId: 'f0b20377-2154-427d-984c-33ec76f8c136', organizationName: 'Trey Research Inc' },
  { organizationId: '2a6c9d14-8e3b-4f70-a5d2-6b1e0c9f4a83', organizationName: 'First Up Consultants' },
  { organizationId: '7e4f1b29-c3a8-4d56-9b0e-5f2a8c7d1e60', organizationName: 'Proseware, Inc.' },
];

/** What Microsoft asks of the partner in a co-sell invitation, with a note for each. */
export const ASSISTANCE_REQUESTS: readonly { code: string; notes: string }[] = [
  {
    code: 'ProofOfConceptOrDemo',
    notes: 'The customer wants to see it working before committing; please propose a short proof of concept.',
  },
  {
    code: 'CustomerTechnicalArchitecture',
    notes: 'The customer needs a target architecture and a migration plan; our architect can join the first workshop.',
  },
  {
    code: 'QuotesOrLicensing',
    notes: 'The customer asks for a quote including licences and services for the first year.',
  },
  {
    code: 'WorkloadSpecificValueProposition',
    notes: 'Please present the business case for this workload to the customer’s leadership.',
  },
  { code: 'GeneralOrOther', notes: 'Microsoft’s account team asks for a first meeting with the customer this month.' },
];

/** The partner organization receiving the referrals (the same as in the demo referrals). */
export const OWN_ORGANIZATION = { id: '79d363cb-5b69-4e9a-8af9-f24e56f5645a', name: 'A. Datum Corporation' } as const;
