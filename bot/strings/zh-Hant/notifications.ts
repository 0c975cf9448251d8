/**
 * What the desk says unprompted: reminders in the thread and directly, and notices of a handed-
 * over deal, in Traditional Chinese (Taiwan).
 */
import type { Strings } from '../en';

export const reminders: Strings['reminders'] = {
  nudge: (hours: string) => `還沒有人回應此推薦：剩餘 ${hours} 可達成 24 小時回應目標。客戶經常同時詢問多家合作夥伴。`,
  deadline: (left: string, customer: string) => `⏰ ${customer} 的推薦將在 ${left} 後到期，請在到期前回應。`,
  interest: (left: string, customer: string) => `⏰ 剩餘 ${left} 可表明我們是否對 ${customer} 的推薦有興趣。`,
  evaluation: (left: string, customer: string) => `⏰ 剩餘 ${left} 可接受或拒絕 ${customer} 的推薦。`,
  forYou: (mention: string) => `${mention}，這則推薦正在等候您處理。`,
  forResponders: (mentions: string) => `${mentions}：請接受或拒絕此推薦。`,
  escalation: (left: string, customer: string) =>
    `⚠️ 還沒有人回應 ${customer} 的推薦，而它將在 ${left} 後到期。您是該區域的主管：請確保有人及時接受或拒絕。`,
  escalationInterested: (who: string, left: string, customer: string) =>
    `⚠️ ${who} 已對 ${customer} 的推薦表示「有興趣」，但尚未接受或拒絕，而它將在 ${left} 後到期。您是該區域的主管：請確保它及時被接受或拒絕。`,
  staleDeal: (deal: string, customer: string, closeDate: string) =>
    `📅 ${deal} (${customer}) 的預估成交日期是 ${closeDate}。成交了嗎？請回報「已成交」或「未成交」，或變更成交日期。`,
  snoozedAnswer: (left: string, customer: string) => `⏰ 依您的要求提醒：剩餘 ${left} 可回應 ${customer} 的推薦。`,
  snoozed: (when: string) => `已延後。我會在 ${when} 再次提醒您。`,
  tooLateToSnooze: '剩餘時間太短，無法延後此提醒：請立即回應。',
};

export const notices: Strings['notices'] = {
  nowOwner: (by: string, deal: string, customer: string) =>
    `${by} 已將 ${deal} (${customer}) 移交給您：您現在是它的負責人。`,
  nowOnTeam: (by: string, deal: string, customer: string) =>
    `${by} 已將您新增至 ${deal} (${customer}) 的團隊：您可以在 Teams 中處理此交易。`,
};
