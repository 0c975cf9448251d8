/** The channel welcome and the commands typed in a channel, in Traditional Chinese (Taiwan). */
import type { Strings } from '../en';

export const welcome: Strings['welcome'] = {
  title: 'Referral Desk 已就緒',
  intro: '我會將每則新的合作夥伴中心推薦以卡片形式張貼到其區域的頻道，讓您的團隊在推薦到期前接受或拒絕。',
  howToLink: '請在每個區域頻道中提及我，並附上該頻道負責的區域或國家/地區 (命令請保留英文)：',
  example: '@Referral Desk link emea   ·   @Referral Desk link de   ·   @Referral Desk link fallback',
  regions: (list: string) => `區域：${list}。國家/地區代碼 (例如「de」) 優先於區域；「fallback」會接收其餘所有推薦。`,
  // No angle brackets in user-facing text: Teams and the Playground read them as HTML tags.
  more: '輸入「links」查看對應關係，輸入「unlink emea」(或任何代碼) 移除一項，輸入「help」查看所有命令。',
};

export const commands: Strings['commands'] = {
  help: [
    '**Referral Desk 命令** (我只看得懂英文命令，請完全依照下方寫法輸入)',
    '- `link emea`、`link de fr`、`link fallback`：將這些區域或國家/地區的推薦傳送到此頻道 (`fallback` 會接收其餘推薦)',
    '- `unlink emea`：停止將推薦傳送到這裡 (任何代碼皆可)',
    '- `links`：顯示哪個頻道接收哪個區域',
    '- `language ko`：此頻道的卡片、回覆和提醒所用的語言 (只輸入 `language` 會列出可用語言；`language default` 會改回工作台的語言)',
    '- `new deal`：登錄您自行開發的交易 (客戶、交易、團隊、解決方案、Microsoft 的角色)',
    '- `favorites`：您加上星號的推薦 (在推薦卡片上按「☆ 加入我的最愛」即可加上星號)',
    '- `settings`：您的時區和工作時間，直接傳送給您的提醒會依此安排',
    '- `digest now`：您管理之區域的摘要 (`digest now emea` 只看一個區域)；`digest off` 和 `digest on` 可停止及重新啟用每週摘要 (主管)',
    '- `managers`、`managers add name@example.com emea`、`managers remove name@example.com emea`：誰管理哪個區域 (系統管理員)',
    '- `help`：此清單',
    '',
    '在我們的個人聊天中：`my deals`、`expiring` 和 `find` (請在該處輸入 `help`)。',
  ].join('\n'),
  unknown: (text: string) => `我不認識「${text}」。請輸入「help」查看命令；我只看得懂英文命令。`,
  linkNeedsChannel:
    '連結功能需在團隊頻道中使用：請在該頻道提及我，並附上「link」和其區域或國家/地區，例如「link emea」。',
  linkNeedsCodes: (valid: string) =>
    `請告訴我要連結什麼，例如「link emea」或「link de」。有效的區域：${valid}、任何 ISO 國家/地區代碼，或「fallback」。`,
  unknownCodes: (codes: string, valid: string) =>
    `我不認識 ${codes}。有效的區域：${valid}、任何兩個字母的 ISO 國家/地區代碼 (例如「de」)，或「fallback」。`,
  linked: (targets: string, channel: string) => `完成：${targets} 的推薦現在會傳送到 ${channel}。`,
  linkMoved: (target: string, from: string) => `${target} 先前連結到 ${from}，現已移到這裡。`,
  postingWaiting: (count: number) => `現在會在這裡張貼 ${count} 則等候中的推薦。`,
  unlinked: (targets: string) => `完成：${targets} 已不再連結到此頻道。`,
  notLinkedHere: (targets: string) => `${targets} 並未連結到此頻道，因此未做任何變更。`,
  linksTitle: '推薦的傳送位置',
  linksEmpty: '尚未連結任何頻道。請在區域頻道中提及我，並附上「link」和其區域或國家/地區，例如「link emea」。',
  uncoveredRegions: (list: string) => `下列區域尚無頻道，也沒有 fallback：${list}。其推薦會等到有頻道連結後再張貼。`,
  thisChannel: '此頻道',
  generalChannel: '一般',
  fallbackName: '其餘所有區域 (fallback)',
  channelInLanguage: (channel: string, language: string) => `${channel} (${language})`,
  language: {
    channelReads: (name: string) => `此頻道以${name}顯示 Referral Desk。`,
    channelReadsDesk: (name: string) => `此頻道以工作台的語言 (${name}) 顯示 Referral Desk。`,
    youRead: (name: string) => `您以${name}閱讀 Referral Desk。`,
    choices: (list: string) =>
      `若要變更，請輸入 \`language\` 加上下列其中之一：${list}。\`language default\` 會改回預設值。`,
    channelChosen: (name: string) =>
      `完成：此頻道的新卡片、回覆和提醒現在會以${name}顯示。進行中推薦的卡片也會立即重新顯示。`,
    channelDefault: (name: string) =>
      `完成：此頻道已改回以工作台的語言 (${name}) 顯示 Referral Desk。進行中推薦的卡片也會立即重新顯示。`,
    youChose: (name: string) => `完成：您現在以${name}閱讀 Referral Desk。`,
    yourDefault: (name: string) => `完成：已改回依照您的 Teams 用戶端或工作台的語言：${name}。`,
    unknown: (typed: string, list: string) => `Referral Desk 不支援「${typed}」。請從下列選擇其中之一：${list}。`,
    notHere:
      '群組聊天會以工作台的語言顯示 Referral Desk。若要選擇頻道的語言，請在頻道中輸入 `language`；若要選擇您自己的語言，請在我們的個人聊天中輸入。',
  },
};
