/** Who manages which region, as admins see and change it, in Japanese. */
import type { Strings } from '../en';

export const managers: Strings['managers'] = {
  adminsOnly: '各地域のマネージャーを表示・変更できるのは、管理者（DESK_ADMINS）のみです。',
  usage:
    '「managers add name@example.com emea」または「managers remove name@example.com emea」（メール アドレス、ユーザー プリンシパル名、または AAD オブジェクト ID と、地域）を送信してください。一覧を表示するには「managers」と送信します。',
  unknownRegion: (given: string, valid: string) => `「${given}」という地域は認識できません。地域: ${valid}。`,
  unknownUser: (who: string) =>
    `チーム内に「${who}」に該当するユーザーが見つかりませんでした。その人が所属するチームのチャネルで、メール アドレス、ユーザー プリンシパル名、または AAD オブジェクト ID を使用してください。`,
  added: (name: string, region: string) =>
    `完了: ${name} が ${region} のマネージャーになりました。「digest now」でこの地域の週次ダイジェストを受け取り、未回答のまま期限切れが近い紹介の通知を受け、この地域の案件を引き継ぐことができます。`,
  alreadyManager: (name: string, region: string) =>
    `${name} はすでに ${region} のマネージャーのため、変更はありません。`,
  removed: (name: string, region: string) => `完了: ${name} は ${region} のマネージャーではなくなりました。`,
  fromRegionsFile: (name: string, region: string) =>
    `${name} は地域ファイル（REGIONS_FILE）で ${region} のマネージャーに設定されています。変更はそのファイルで行ってください。`,
  notManager: (who: string, region: string) => `${who} は ${region} のマネージャーではないため、変更はありません。`,
  listTitle: '**地域のマネージャー**',
  listLine: (region: string, people: string) => `- **${region}**: ${people}`,
  nobody: 'まだいません',
  granted: (name: string, by: string, date: string) => `${name}（${date} に ${by} が追加）`,
  configured: (name: string) => `${name}（地域ファイル）`,
  admins: (people: string) => `管理者はすべての地域を管理します: ${people}。`,
};
