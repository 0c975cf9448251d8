import { withGrantedManagers } from '../domain/managers';
import type { Region } from '../domain/routing';
import type { UseCaseDeps } from './ports';

/**
 * The regions with their managers as they stand now: those of the regions file and those
 * admins granted with `managers add`. Read once per use, so domain rules get them as data.
 */
export async function regionsWithManagers(services: Pick<UseCaseDeps, 'regions' | 'roles'>): Promise<Region[]> {
  return withGrantedManagers(services.regions, await services.roles.managerGrants());
}
