/** The local Partner Center simulator: the server, its referral generator, and the pure parts tests reach for. */
export {
  API_BASE_PATH,
  PartnerCenterSimulator,
  SIMULATOR_CREDENTIALS,
  type SimulatorOptions,
  type SimulatorRequest,
} from './simulator';
export {
  generateReferral,
  generateReferrals,
  EXPIRES_AFTER_DAYS,
  REFERRAL_MIX,
  type GeneratorOptions,
} from './referralGenerator';
export type { PatchRecord, ReferralChange, SimulatedReferral } from './referralStore';
export type { TokenRequestRecord } from './tokenIssuer';
