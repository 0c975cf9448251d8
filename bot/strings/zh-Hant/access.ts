/** What the desk answers people and places it does not serve, in Traditional Chinese (Taiwan). */
import type { Strings } from '../en';

export const access: Strings['access'] = {
  otherTenant: 'Referral Desk 服務的是另一個組織，因此未做任何變更。',
  teamNotInstalled:
    'Referral Desk 並未安裝在此團隊中，因此在這裡不會執行任何動作。團隊擁有者可以從 Teams 應用程式市集新增它。',
  notAMember: 'Referral Desk 只回應已安裝它之團隊的成員。請要求團隊擁有者將您新增至其中一個團隊。',
  linksByOwners:
    '只有團隊擁有者和 Referral Desk 的系統管理員可以變更推薦的傳送位置。輸入「links」可查看目前的傳送位置。',
  linksByAdmins:
    '只有 Referral Desk 的系統管理員 (DESK_ADMINS) 可以變更推薦的傳送位置。輸入「links」可查看目前的傳送位置。',
  linksByMembers: '團隊的來賓無法變更推薦的傳送位置。輸入「links」可查看目前的傳送位置。',
  languageByOwners: '只有團隊的擁有者和工作台的系統管理員可以變更此頻道的語言。',
  languageByAdmins: '只有工作台的系統管理員 (DESK_ADMINS) 可以變更此頻道的語言。',
  languageByMembers: '團隊的來賓無法變更此頻道的語言。',
};
