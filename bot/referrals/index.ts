/*
 * The referral use cases as the rest of the desk sees them: what it may call, and the ports it
 * implements and hands in (see ports.ts). Nothing outside this folder imports its files directly.
 */
export * from './cardTasks';
export * from './digests';
export * from './followUps';
export * from './indexing';
export * from './ingestReferrals';
export * from './managedRegions';
export * from './planning';
export * from './ports';
export * from './referralChanges';
