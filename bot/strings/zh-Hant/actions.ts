/** Answers to a click on a card that could not be carried out, in Traditional Chinese (Taiwan). */
import type { Strings } from '../en';

export const actions: Strings['actions'] = {
  notPermitted: (owner: string | undefined) =>
    owner ? `只有此交易的負責人 ${owner} 和交易團隊可以變更它。` : '只有處理此交易的人員可以變更它。',
  notPermittedToReassign: (owner: string | undefined) =>
    owner
      ? `只有此交易的負責人 ${owner}、該區域的主管或系統管理員可以移交它。`
      : '只有此交易的負責人、該區域的主管或系統管理員可以移交它。',
  stagesIncomplete: (stage: string) =>
    `解決方案評估交易必須完成所有銷售階段才能標示為成交；目前位於「${stage}」。請先在「編輯交易」中完成各階段。`,
  noChange: '沒有需要變更的內容：交易已是這個狀態。',
  editConflict: (fields: string, by: string | undefined) =>
    `${by ?? '其他人'}在您編輯時變更了 ${fields}，因此未儲存任何內容。卡片顯示的是交易目前的狀態：請重新編輯以進行變更。`,
  upgradeNotAllowed: '此交易的類型已不允許這項變更；卡片顯示的是它目前的狀態。',
  alreadyDecided: (stage: string, by: string) => `${by} 已將此推薦設為「${stage}」；卡片顯示的是它目前的狀態。`,
  notAllowed: (stage: string) => `此推薦的狀態為「${stage}」，因此已無法執行該動作；卡片顯示的是它目前的狀態。`,
  notFound: 'Referral Desk 已找不到此推薦。',
  fixInput: (problems: string) => `請修正：${problems}`,
  busy: '其他人正在變更此推薦。請再試一次。',
  stillWorking: 'Referral Desk 仍在處理這次點選。請稍後再查看卡片。',
  alreadyDone: '完成：Referral Desk 已執行過這次點選。',
  failed: '我們這邊發生錯誤，未做任何變更。請稍後再試一次。',
  unknownAction: '未知的動作：Referral Desk 不提供此按鈕要求的功能，因此未做任何變更。',
};
