/** The settings card: time zone, working hours, direct messages, language and digest, in Japanese. */
import type { Strings } from '../en';

export const settings: Strings['settings'] = {
  title: '設定',
  intro: '直接お送りするリマインダーは、あなたのタイム ゾーンの勤務時間内にお届けします。',
  saved: '✔ 保存しました。今後、ダイレクト メッセージはこの時間に従ってお送りします。',
  save: '保存',
  notYours:
    'このカードには別のユーザーの設定が表示されていたため、保存されませんでした。こちらがあなたの設定です。確認して保存してください。',
  workingHours: 'タイム ゾーンと勤務時間',
  timeZone: 'タイム ゾーン',
  findTimeZone: '都市または地域を入力（例: 日本、Tokyo）',
  allZones: 'すべてのタイム ゾーンを表示',
  timeZoneError: '一覧からタイム ゾーンを選択してください。',
  zoneChoice: (name: string, zone: string, offset: string) =>
    `${name ? `${name} — ` : ''}${zone}${offset ? ` (UTC${offset})` : ''}`,
  zoneFromTeams:
    'Teams クライアントから取得したタイム ゾーンです。別のタイム ゾーンを選択して保存すると、そちらが使われます。',
  zoneChosen: 'あなたが選択したタイム ゾーンです。',
  zoneDefault: 'Referral Desk の既定のタイム ゾーンです。Teams クライアントからまだタイム ゾーンを取得していません。',
  dayStarts: '開始時刻',
  dayEnds: '終了時刻',
  timeError: '09:00 のような時刻を入力してください。',
  days: '勤務日',
  daysError: '1日以上選択してください。',
  hoursChosen: 'あなたが選択した勤務時間です。',
  hoursDefault: 'Referral Desk の既定の勤務時間です（ご自身で選択するまで適用されます）。',
  weekday: ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日'],
  messages: 'ダイレクト メッセージ',
  messagesLabel: '受け取る通知',
  messageKind: {
    reminders: '承諾または辞退が必要な紹介のリマインダー',
    escalations: '担当地域で、未回答のまま期限切れが近い紹介（マネージャー）',
    staleDeals: '完了予定日を過ぎた自分の案件',
    notices: '案件を引き継がれたとき、または案件チームに追加されたとき',
  },
  messagesNote: '再通知を設定したリマインダーは、常にお届けします。',
  language: '言語',
  languageError: '一覧から言語を選択してください。',
  languageChosen: 'あなたが選択した言語です。コマンドは英語のままです（例: 「my deals」）。',
  languageFromTeams: 'Teams クライアントの言語です。コマンドは英語のままです（例: 「my deals」）。',
  languageDefault: 'Referral Desk の言語です。コマンドは英語のままです（例: 「my deals」）。',
  digest: '週次ダイジェスト',
  digestDay: '曜日',
  digestTime: '時刻',
  digestNote: 'あなたのタイム ゾーンでお送りします。「digest off」で停止、「digest now」ですぐに送信します。',
  digestIsOff: 'オフにしています（「digest off」）。「digest on」で再開できます。',
};
