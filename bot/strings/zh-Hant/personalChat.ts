/**
 * The personal chat: its welcome, my deals, expiring, find, favourites and their lists, in
 * Traditional Chinese (Taiwan).
 */
import type { Strings } from '../en';

export const favorites: Strings['favorites'] = {
  title: '我的最愛',
  empty: '您還沒有任何最愛項目。在任何推薦卡片上按「☆ 加入我的最愛」即可加上星號。',
  open: '開啟',
  starred: '已加入我的最愛。傳送「favorites」給我即可列出。',
  unstarred: '已從我的最愛移除。',
  line: (stage: string, value: string, next: string) => [stage, value, next].filter(Boolean).join(' · '),
  expires: (date: string) => `${date} 到期`,
  closes: (date: string) => `${date} 成交`,
  more: (count: number) => `還有 ${count} 筆；最新的顯示在前。`,
};

/** One line of a list of referrals: the key facts, and what needs attention. */
export const dealList: Strings['dealList'] = {
  line: (...parts: string[]) => parts.filter(Boolean).join(' · '),
  expires: (date: string) => `${date} 到期`,
  closes: (date: string) => `${date} 成交`,
  ownedBy: (name: string) => `負責人 ${name}`,
  overdue: (date: string) => `已逾期：成交日期為 ${date}。請回報「已成交」或「未成交」，或變更日期。`,
  timeLeft: (left: string) => `⏰ 剩餘 ${left} 可回應`,
  open: '開啟',
  page: (page: number, pages: number, total: number) => `第 ${page} / ${pages} 頁 · 共 ${total} 筆`,
  previous: '‹ 上一頁',
  next: '下一頁 ›',
};

export const personalChat: Strings['personalChat'] = {
  welcomeTitle: '您好，我是 Referral Desk',
  welcomeIntro:
    '我會將每則新的合作夥伴中心推薦帶到其區域的 Teams 頻道，讓您的團隊在推薦到期前接受或拒絕，之後也會持續追蹤每筆交易。在我們的聊天中，您可以查看自己的交易和即將到期的推薦，也可以尋找任何推薦。',
  welcomeHowTo: '請輸入命令 (英文，如下所示)，或使用對應的按鈕：',
  about: {
    myDeals: '您負責或所屬團隊的推薦，最緊急的在前。',
    expiring: '您區域中 3 天內到期的未決定推薦。',
    favorites: '您加上星號的推薦。',
    find: '依客戶、交易名稱、CRM ID 或推薦 ID 尋找推薦。',
    newDeal: '登錄您自行開發的交易。',
    settings: '您的時區和工作時間，我傳給您的提醒會依此安排。',
    help: '所有命令。',
  },
  button: {
    myDeals: '我的交易',
    expiring: '即將到期',
    favorites: '我的最愛',
    find: '尋找',
    newDeal: '新增交易',
    settings: '設定',
    help: '說明',
  },
  findPlaceholder: '例如 Contoso',
  help: [
    '**我們聊天中的 Referral Desk** (我只看得懂英文命令，請完全依照下方寫法輸入)',
    '- `my deals`：您負責或所屬團隊的推薦，未結案的在前、最緊急的在最上方，每筆都附有重點資訊和「開啟」按鈕',
    '- `expiring`：3 天內到期的未決定推薦，範圍為您管理或負責回應的區域 (若您沒有任何區域角色，則為所有區域)',
    '- `favorites`：您加上星號的推薦 (在推薦卡片上按「☆ 加入我的最愛」即可加上星號)',
    '- `find contoso`：依客戶、交易名稱、CRM ID 或推薦 ID 尋找推薦',
    '- `new deal`：登錄您自行開發的交易 (客戶、交易、團隊、解決方案、Microsoft 的角色)',
    '- `settings`：您的時區和工作時間，直接傳送給您的提醒會依此安排',
    '- `language ja`：您閱讀 Referral Desk 所用的語言 (只輸入 `language` 會列出可用語言；`language default` 會依照您的 Teams 用戶端)',
    '- `links`：顯示哪個頻道接收哪個區域',
    '- `help`：此清單',
    '',
    '若要將頻道連結到區域，請在團隊頻道中提及我，例如「link emea」。',
  ].join('\n'),
};

export const myDeals: Strings['myDeals'] = {
  title: '我的交易',
  empty: '您目前沒有負責任何推薦，也不屬於任何交易團隊。請在推薦卡片上接受推薦，或傳送「new deal」給我。',
  usage: '若要查看您負責或參與的推薦，請傳送「my deals」給我。',
};

export const expiring: Strings['expiring'] = {
  title: '3 天內到期',
  scopeAdmin: '所有區域 (您是系統管理員)。',
  scopeNoRole: '您所屬團隊的區域：您沒有特別管理或負責回應任何區域。',
  scopeRegions: (regions: string) => `您的區域：${regions}。`,
  empty: '未來 3 天內沒有任何項目到期。🎉',
  more: (count: number) => `還有 ${count} 筆稍後到期。`,
};

export const find: Strings['find'] = {
  title: (query: string) => `「${query}」的搜尋結果`,
  usage: '請告訴我要尋找什麼：客戶、交易名稱或 CRM ID 的至少 3 個字元，或完整的推薦 ID，例如「find contoso」。',
  none: (query: string) => `找不到「${query}」的推薦。我會搜尋客戶、交易名稱、CRM ID 和推薦 ID。`,
  more: (count: number) => `還有 ${count} 筆：請加入字詞以縮小搜尋範圍。`,
  manyMore: '還有更多：請加入字詞以縮小搜尋範圍。',
};
