/**
 * Who generated referrals are for: fictitious companies, their sizes and industries, and their
 * contacts, named by role, never after people.
 */

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
