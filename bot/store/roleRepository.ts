import { odata, type TableClient } from '@azure/data-tables';
import type { ManagerGrant } from '../domain/managers';
import { isStatus } from './errors';
import { encodeKey } from './tables';

const MANAGERS = 'manager';

interface GrantEntity {
  partitionKey: string;
  rowKey: string;
  grant: string;
}

const rowOf = (region: string, userId: string) => `${region}~${encodeKey(userId)}`;

/**
 * Roles admins grant with commands, beside those the configuration names: one row per
 * region and manager, all in one partition, which every use reads whole (there are few).
 */
export class RoleRepository {
  constructor(private readonly table: TableClient) {}

  /** Every granted manager of every region. */
  async managerGrants(): Promise<ManagerGrant[]> {
    const grants: ManagerGrant[] = [];
    for await (const entity of this.table.listEntities<GrantEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${MANAGERS}` },
    })) {
      grants.push(JSON.parse(entity.grant) as ManagerGrant);
    }
    return grants;
  }

  /** Makes the user a manager of the region; `false` when they already were (the first grant stays). */
  async grantManager(grant: ManagerGrant): Promise<boolean> {
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
  async revokeManager(region: string, userId: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(MANAGERS, rowOf(region, userId));
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }
}
