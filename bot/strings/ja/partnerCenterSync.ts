/** Whether a change reached Partner Center, as the card shows it, in Japanese. */
import type { Strings } from '../en';

export const partnerCenterSync: Strings['partnerCenterSync'] = {
  label: 'パートナー センター',
  synced: '✓ 最新の状態',
  pending: '⏳ 反映中',
  retrying: (reason: string) => `⏳ 再反映待ち（${reason}）`,
  failed: (reason: string) => `⚠ 未反映: ${reason}`,
  closedThere: 'パートナー センターでクローズされています',
  conflict: (fields: string) => `⚠ パートナー センターでも変更されました: ${fields} はパートナー センターの値です`,
  conflictNotice: (deal: string, customer: string, fields: string) =>
    `${deal}（${customer}）は、あなたの変更の送信中にパートナー センターで変更されました。${fields} にはパートナー センターの値が表示されており、あなたの変更は反映されていません。カードを確認し、あなたの値を使う場合はもう一度変更してください。`,
};
