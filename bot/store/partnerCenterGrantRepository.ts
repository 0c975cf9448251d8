import type { TableClient } from '@azure/data-tables';
import type { SealedToken } from '../partnerCenter/tokenSealing';
import { isStatus } from './errors';

const PARTITION = 'grant';
const ROW = 'refreshToken';
/** How often a write is tried against other instances' writes (each round, one lands) before it gives up. */
const MAX_ATTEMPTS = 10;

/** The newest Partner Center refresh token the desk was handed, as kept between runs. */
export interface StoredGrant {
  /** SHA-256 fingerprint of the configured PARTNER_CENTER_REFRESH_TOKEN this token descends from. */
  origin: string;
  /** The token, sealed (see tokenSealing); its key's fingerprint is `sealed.keyId`. */
  sealed: SealedToken;
  /** When Entra handed the token out (ISO, UTC): the newer of two kept tokens wins. */
  renewedAt: string;
}

interface GrantEntity {
  origin: string;
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
  renewedAt: string;
}

/**
 * One row: the newest refresh token of the desk's Partner Center grant. Instances renew on
 * their own, so two may write at once: each write is a compare-and-set on the row's eTag,
 * ordered by `renewedAt`. A write that finds a newer token kept leaves it; one that loses a
 * race reads the row again and decides again. A plain last-writer-wins upsert would let an
 * instance that was handed its token earlier but wrote later put back the older token.
 */
export class PartnerCenterGrantRepository {
  constructor(private readonly table: TableClient) {}

  async get(): Promise<StoredGrant | null> {
    const row = await this.read();
    return row ? grantOf(row.entity) : null;
  }

  /** Keeps `grant` unless a newer one is kept already; whether it was written. */
  async keep(grant: StoredGrant): Promise<boolean> {
    const entity = { partitionKey: PARTITION, rowKey: ROW, ...entityOf(grant) };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const row = await this.read();
      if (row && Date.parse(row.entity.renewedAt) > Date.parse(grant.renewedAt)) return false;
      try {
        if (row) await this.table.updateEntity(entity, 'Replace', { etag: row.etag });
        else await this.table.createEntity(entity);
        return true;
      } catch (error) {
        if (!isStatus(error, 409, 412)) throw error;
      }
    }
    throw new Error(`The Partner Center refresh token was not kept: the row changed at each of ${MAX_ATTEMPTS} writes`);
  }

  private async read(): Promise<{ entity: GrantEntity; etag: string } | null> {
    try {
      const entity = await this.table.getEntity<GrantEntity>(PARTITION, ROW);
      return { entity, etag: entity.etag };
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }
}

function entityOf(grant: StoredGrant): GrantEntity {
  const { keyId, iv, ciphertext, tag } = grant.sealed;
  return { origin: grant.origin, keyId, iv, ciphertext, tag, renewedAt: grant.renewedAt };
}

function grantOf(entity: GrantEntity): StoredGrant {
  const { origin, keyId, iv, ciphertext, tag, renewedAt } = entity;
  return { origin, sealed: { keyId, iv, ciphertext, tag }, renewedAt };
}
