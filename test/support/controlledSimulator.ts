import type { IncomingMessage, ServerResponse } from 'node:http';
import { controlRoutes } from '../../tools/partnerCenterSimulator/controlRoutes';
import { PartnerCenterSimulator, type SimulatorOptions } from '../../tools/partnerCenterSimulator/simulator';

/** A started simulator that also serves its control routes (`/simulator/…`: device sign-in, referrals). */
export async function startControlledSimulator(options: SimulatorOptions): Promise<PartnerCenterSimulator> {
  let control: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined;
  const simulator = new PartnerCenterSimulator({
    ...options,
    extraRoutes: async (req, res) => (await control?.(req, res)) ?? false,
  });
  control = controlRoutes(simulator);
  await simulator.start();
  return simulator;
}
