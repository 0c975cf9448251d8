import { maySee, referralHome, type Viewer } from '../../domain/access';
import { regionsWithManagers } from '../../referrals';
import type { Services } from '../../services';
import type { StoredReferral } from '../../store';

/** Which referrals one viewer may see, with what that takes read once. */
export interface ReferralScope {
  sees(stored: StoredReferral): boolean;
}

/** What a scope reads: the channel links and the regions' managers. */
export type ScopeServices = Pick<Services, 'links' | 'regions' | 'roles'>;

/** The scope of `viewer`: the channel links and the regions' managers as they stand now. */
export async function referralScope(services: ScopeServices, viewer: Viewer): Promise<ReferralScope> {
  const [links, regions] = await Promise.all([services.links.list(), regionsWithManagers(services)]);
  return {
    sees: (stored) =>
      maySee(
        viewer,
        stored.record,
        referralHome(stored.record, stored.card?.conversationId, links, services.regions),
        regions,
      ),
  };
}
