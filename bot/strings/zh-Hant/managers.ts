/** Who manages which region, as admins see and change it, in Traditional Chinese (Taiwan). */
import type { Strings } from '../en';

export const managers: Strings['managers'] = {
  adminsOnly: '只有系統管理員 (DESK_ADMINS) 可以查看及變更各區域的主管。',
  usage:
    '請傳送「managers add name@example.com emea」或「managers remove name@example.com emea」(電子郵件地址、使用者主體名稱或 AAD 物件識別碼，再加上區域)，或傳送「managers」查看清單。',
  unknownRegion: (given: string, valid: string) => `我不認識區域「${given}」。可用的區域：${valid}。`,
  unknownUser: (who: string) =>
    `我在團隊中找不到「${who}」。請在對方所屬團隊的頻道中，使用對方的電子郵件地址、使用者主體名稱或 AAD 物件識別碼。`,
  added: (name: string, region: string) =>
    `完成：${name} 現在是 ${region} 的主管。對方可以傳送「digest now」取得該區域的每週摘要、收到該區域即將逾期未回應的推薦通知，並移交該區域的交易。`,
  alreadyManager: (name: string, region: string) => `${name} 已經是 ${region} 的主管，因此未做任何變更。`,
  removed: (name: string, region: string) => `完成：${name} 不再是 ${region} 的主管。`,
  fromRegionsFile: (name: string, region: string) =>
    `${name} 是透過區域檔案 (REGIONS_FILE) 設定為 ${region} 的主管：請在該檔案中變更。`,
  notManager: (who: string, region: string) => `${who} 不是 ${region} 的主管，因此未做任何變更。`,
  listTitle: '**區域主管**',
  listLine: (region: string, people: string) => `- **${region}**：${people}`,
  nobody: '尚無',
  granted: (name: string, by: string, date: string) => `${name} (由 ${by} 於 ${date} 新增)`,
  configured: (name: string) => `${name} (區域檔案)`,
  admins: (people: string) => `系統管理員可管理所有區域：${people}。`,
};
