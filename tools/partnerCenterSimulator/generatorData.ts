/**
 * What generated referrals are made of: countries the default regions route (with a city,
 * currency and locale each), fictitious customers, projects with their solutions, and
 * who invites partners. Contacts are named by role, never after people.
 */
export { COUNTRIES, type CountryProfile } from './generatorCountries';
export { COMPANY_SIZES, CONTACT_ROLES, CUSTOMERS, INDUSTRIES } from './generatorCustomers';
export { PROJECTS, type Project } from './generatorProjects';
export { ASSISTANCE_REQUESTS, MICROSOFT, OWN_ORGANIZATION, PARTNER_INVITERS } from './generatorOrganizations';
