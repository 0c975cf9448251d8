/** Whether a change reached Partner Center, as the card shows it, in Traditional Chinese (Taiwan). */
import type { Strings } from '../en';

export const partnerCenterSync: Strings['partnerCenterSync'] = {
  label: '合作夥伴中心',
  synced: '✓ 已同步',
  pending: '⏳ 寫入中',
  retrying: (reason: string) => `⏳ 將重新寫入 (${reason})`,
  failed: (reason: string) => `⚠ 未寫入：${reason}`,
  closedThere: '它在合作夥伴中心已關閉',
  conflict: (fields: string) => `⚠ 合作夥伴中心也有變更：${fields} 以合作夥伴中心的值為準`,
  conflictNotice: (deal: string, customer: string, fields: string) =>
    `在您的變更送出途中，${deal} (${customer}) 已在合作夥伴中心遭到變更：${fields} 現在顯示合作夥伴中心的值，您的變更未寫入。請檢查卡片；如果應以您的值為準，請再變更一次。`,
};
