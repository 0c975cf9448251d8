import { PartnerCenterClient } from '../../bot/partnerCenter/client';
import type { RetryPolicy } from '../../bot/partnerCenter/retry';
import { PartnerCenterTokens, type TokenProviderOptions } from '../../bot/partnerCenter/tokens';
import { PartnerCenterSimulator, type SimulatorOptions } from '../../tools/partnerCenterSimulator';
import { MovableClock } from './movableClock';
import type { WireObject } from './wireJson';

/** The simulator running, and the desk's real client and token provider pointed at it. */
export interface SimulatedPartnerCenter {
  simulator: PartnerCenterSimulator;
  clock: MovableClock;
  tokens: PartnerCenterTokens;
  client: PartnerCenterClient;
  /** Every wait the client asked for, in milliseconds (it does not really wait). */
  waits: number[];
  stop(): Promise<void>;
}

export interface SimulationOptions {
  simulator?: SimulatorOptions;
  tokens?: TokenProviderOptions;
  retry?: Partial<RetryPolicy>;
  /** The client's random numbers, in order (then 0.5 for ever). */
  randoms?: number[];
  /** Where the client sends API calls, if not to the simulator. */
  apiUrl?: string;
  /** Credentials the desk is configured with that differ from the simulator's. */
  credentials?: Partial<PartnerCenterSimulator['credentials']>;
}

export async function startSimulatedPartnerCenter(options: SimulationOptions = {}): Promise<SimulatedPartnerCenter> {
  const clock = new MovableClock();
  const simulator = new PartnerCenterSimulator({ clock: clock.read, ...options.simulator });
  await simulator.start();
  const tokens = new PartnerCenterTokens(
    { ...simulator.credentials, ...options.credentials },
    { authorityUrl: simulator.authorityUrl, clock: clock.read, ...options.tokens },
  );
  const waits: number[] = [];
  const randoms = [...(options.randoms ?? [])];
  const client = new PartnerCenterClient({
    apiUrl: options.apiUrl ?? simulator.apiUrl,
    tokens,
    retry: options.retry,
    timing: {
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => randoms.shift() ?? 0.5,
      now: clock.read,
    },
  });
  return { simulator, clock, tokens, client, waits, stop: () => simulator.stop() };
}

/** Every page of a listing; `afterPage` runs after each page is read, before the next is asked for. */
export async function collectPages(
  pages: AsyncIterable<{ referrals: unknown[] }>,
  afterPage: (pageIndex: number) => void = () => undefined,
): Promise<WireObject[][]> {
  const collected: WireObject[][] = [];
  for await (const page of pages) {
    collected.push(page.referrals as WireObject[]);
    afterPage(collected.length - 1);
  }
  return collected;
}
