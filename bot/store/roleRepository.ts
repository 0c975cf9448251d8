import { odata, type TableClient } from '@azure/data-tables';
import type { ManagerGrant } from '../domain/managers';
import { isStatus } from './errors';
import { KeptReads } from './keptReads';
import { encodeKey, deleteIfPresent } from './tables';

const MANAGERS = 'manager';

interface GrantEntity {
  partitionKey: string;
  rowKey: string;
  grant: string;
}

const rowOf = (region: string, userId: string) => `${region}~${encodeKey(userId)}`;

/**
 * How long a process keeps the list of managers it read. Every card a user opens asks who
 * manages its region, and grants change seldom: a grant or revoke made here counts at once,
 * one made by another instance of the desk within this time.
 */
export const MANAGERS_KEPT_MS = 15_000;

/**
 * Roles admins grant with commands, beside those the configuration names: one row per
 * region and manager, all in one partition, which every use reads whole (there are few).
 */
export class RoleRepository {
  private readonly reads: KeptReads<ManagerGrant[]>;

  /** `now` counts milliseconds for how long the list is kept (a monotonic clock by default). */
  constructor(
    private readonly table: TableClient,
    now?: () => number,
  ) {
    this.reads = new KeptReads(MANAGERS_KEPT_MS, now);
  }

  /** Every granted manager of every region (as read at most MANAGERS_KEPT_MS ago, see there). */
  managerGrants(): Promise<ManagerGrant[]> {
    return this.reads.read(MANAGERS, () => this.readGrants());
  }

  private async readGrants(): Promise<ManagerGrant[]> {
    const grants: ManagerGrant[] = [];
    for await (const entity of this.table.listEntities<GrantEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${MANAGERS}` },
    })) {
      grants.push(JSON.parse(entity.grant) as ManagerGrant);
    }
    return grants;
  }

  /** Makes the user a manager of the region; `false` when they already were (the first grant stays). */
  grantManager(grant: ManagerGrant): Promise<boolean> {
    return this.reads.writing(MANAGERS, () => this.grant(grant));
  }

  private async grant(grant: ManagerGrant): Promise<boolean> {
    try {
      await this.table.createEntity<GrantEntity>({
        partitionKey: MANAGERS,
        rowKey: rowOf(grant.region, grant.user.id),
        grant: JSON.stringify(grant),
      });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /** Takes the region from the user's managed regions; `false` when it was not granted. */
  revokeManager(region: string, userId: string): Promise<boolean> {
    return this.reads.writing(MANAGERS, () => this.revoke(region, userId));
  }

  private async revoke(region: string, userId: string): Promise<boolean> {
    return deleteIfPresent(this.table, MANAGERS, rowOf(region, userId));
  }
}
