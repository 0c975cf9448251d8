import assert from 'node:assert/strict';
import { Duration } from 'luxon';
import { PartnerCenterError } from '../../../bot/partnerCenter/errors';
import type { PatchOperation } from '../../../bot/domain/patchOperations';
import { API_BASE_PATH, generateReferrals } from '../../../tools/partnerCenterSimulator';
import { NOW } from '../../support/fixtures';
import {
  startSimulatedPartnerCenter,
  type SimulatedPartnerCenter,
  type SimulationOptions,
} from '../../support/simulatedPartnerCenter';

/** Ten referrals, created (and last updated) an hour apart, the last at NOW − 1 h. */
export const STREAM = generateReferrals(10, {
  seed: 100,
  from: NOW.minus({ hours: 10 }),
  every: Duration.fromObject({ hours: 1 }),
});
export const ids = STREAM.map((r) => r.id as string);

/** The operations of an accept with the deal's value and close date. */
export const ACCEPT: PatchOperation[] = [
  { op: 'replace', path: '/status', value: 'Active' },
  { op: 'replace', path: '/substatus', value: 'Accepted' },
  { op: 'replace', path: '/details/dealValue', value: 48_000 },
  { op: 'replace', path: '/details/closingDateTime', value: '2027-02-26T00:00:00Z' },
];

/** The PartnerCenterError `promise` fails with; fails the test if it succeeds or fails otherwise. */
export async function failureOf(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof PartnerCenterError, `expected a PartnerCenterError, got ${String(error)}`);
  return error;
}

/** The simulator holding STREAM (unless `options` give other referrals), and a client of it. */
const startWithStream = (options: SimulationOptions = {}): Promise<SimulatedPartnerCenter> =>
  startSimulatedPartnerCenter({ ...options, simulator: { referrals: STREAM, ...options.simulator } });

/** The API requests the simulator received (not the token endpoint's). */
const apiRequestsOf = (pc: SimulatedPartnerCenter) =>
  pc.simulator.requests.filter((r) => r.path.startsWith(API_BASE_PATH));

/** A test's simulated Partner Center, started fresh by `useSimulatedPartnerCenter`'s hooks. */
export interface PartnerCenterBench {
  /** The running test's simulator and client. */
  partnerCenter: () => SimulatedPartnerCenter;
  /** Stops the running simulator and starts one with these options, which the hooks then stop after the test. */
  restart: (options?: SimulationOptions) => Promise<SimulatedPartnerCenter>;
  /** The API requests the running simulator received (not the token endpoint's). */
  apiRequests: () => ReturnType<typeof apiRequestsOf>;
}

/** Registers the hooks that start the simulator holding STREAM before each test and stop it after. */
export function useSimulatedPartnerCenter(): PartnerCenterBench {
  let pc: SimulatedPartnerCenter | undefined;
  const partnerCenter = () => {
    assert.ok(pc, 'the simulator is only there while a test runs');
    return pc;
  };
  const start = async (options: SimulationOptions = {}) => {
    pc = await startWithStream(options);
    return pc;
  };
  beforeEach(async () => {
    pc = undefined;
    await start();
  });
  afterEach(async () => pc?.stop());
  return {
    partnerCenter,
    restart: async (options) => {
      await partnerCenter().stop();
      return start(options);
    },
    apiRequests: () => apiRequestsOf(partnerCenter()),
  };
}
