import { odata, type TableClient } from '@azure/data-tables';
import type { ChannelLink, LinkTarget } from '../domain/routing';
import { decodeKey, encodeKey, deleteIfPresent } from './tables';

const PARTITION = 'link';

interface LinkEntity {
  partitionKey: string;
  rowKey: string;
  kind: LinkTarget['kind'];
  conversationId: string;
  teamId?: string;
  channelName?: string;
}

/** Which channel each region, country or the fallback is linked to (one channel per target). */
export class ChannelLinkRepository {
  constructor(private readonly table: TableClient) {}

  async list(): Promise<ChannelLink[]> {
    const links: ChannelLink[] = [];
    const rows = this.table.listEntities<LinkEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` } });
    for await (const row of rows) {
      links.push({
        target: { kind: row.kind, code: decodeKey(row.rowKey) } as LinkTarget,
        channel: { conversationId: row.conversationId, teamId: row.teamId, channelName: row.channelName },
      });
    }
    return links;
  }

  /** Links the target to the channel, replacing any earlier channel of that target. */
  async put(link: ChannelLink): Promise<void> {
    const entity: LinkEntity = {
      partitionKey: PARTITION,
      rowKey: encodeKey(link.target.code),
      kind: link.target.kind,
      conversationId: link.channel.conversationId,
      teamId: link.channel.teamId,
      channelName: link.channel.channelName,
    };
    await this.table.upsertEntity(entity, 'Replace');
  }

  /** Removes the target's link; `false` when it had none. */
  async remove(target: LinkTarget): Promise<boolean> {
    return deleteIfPresent(this.table, PARTITION, encodeKey(target.code));
  }
}
