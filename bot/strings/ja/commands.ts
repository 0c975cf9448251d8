/** The channel welcome and the commands typed in a channel, in Japanese. */
import type { Strings } from '../en';

export const welcome: Strings['welcome'] = {
  title: 'Referral Desk の準備ができました',
  intro:
    'パートナー センターの新しい紹介を、地域ごとのチャネルにカードとして投稿します。チームは期限切れになる前に、紹介を承諾または辞退できます。',
  howToLink:
    '各地域のチャネルで、そのチャネルが担当する地域または国を付けて Referral Desk をメンションしてください（コマンドは英語のままです）:',
  example: '@Referral Desk link emea   ·   @Referral Desk link de   ·   @Referral Desk link fallback',
  regions: (list: string) =>
    `地域: ${list}。国コード（「de」など）は地域より優先されます。「fallback」はそれ以外のすべてを受け取ります。`,
  // No angle brackets in user-facing text: Teams and the Playground read them as HTML tags.
  more: '割り当てを確認するには「links」、割り当てを解除するには「unlink emea」（または任意のコード）、すべてのコマンドを確認するには「help」と入力してください。',
};

export const commands: Strings['commands'] = {
  help: [
    '**Referral Desk のコマンド**（コマンドは英語のみ対応しています。ここに記載のとおり入力してください）',
    '- `link emea`、`link de fr`、`link fallback`: これらの地域または国の紹介をこのチャネルに送信します（`fallback` は残りすべてを受け取ります）',
    '- `unlink emea`: このチャネルへの送信を停止します（任意のコード）',
    '- `links`: どのチャネルがどの地域を受け取るかを表示します',
    '- `language ko`: このチャネルのカード、返信、リマインダーの言語を設定します（`language` のみで一覧を表示、`language default` でデスクの言語に戻します）',
    '- `new deal`: 自分で見つけた案件を登録します（顧客、案件、チーム、ソリューション、Microsoft の役割）',
    '- `favorites`: スターを付けた紹介を表示します（カードの「☆ お気に入りに追加」でスターを付けます）',
    '- `settings`: タイム ゾーンと勤務時間を設定します（直接お送りするリマインダーはこれに従います）',
    '- `digest now`: 管理している地域のダイジェストを表示します（1つの地域なら `digest now emea`）。`digest off` と `digest on` で週次ダイジェストを停止・再開します（マネージャー）',
    '- `managers`、`managers add name@example.com emea`、`managers remove name@example.com emea`: 各地域のマネージャーを表示・変更します（管理者）',
    '- `help`: この一覧を表示します',
    '',
    '個人チャットでは `my deals`、`expiring`、`find` を使用できます（個人チャットで `help` と入力してください）。',
  ].join('\n'),
  unknown: (text: string) =>
    `「${text}」は認識できません。コマンドの一覧を見るには「help」と入力してください（コマンドは英語のみ対応しています）。`,
  linkNeedsChannel:
    'リンクはチーム チャネルで行います。チャネルで「link」と地域または国を付けて Referral Desk をメンションしてください（例: 「link emea」）。',
  linkNeedsCodes: (valid: string) =>
    `リンクする対象を指定してください（例: 「link emea」、「link de」）。有効な地域: ${valid}、任意の ISO 国コード、または「fallback」。`,
  unknownCodes: (codes: string, valid: string) =>
    `${codes} は認識できません。有効な地域: ${valid}、任意の2文字の ISO 国コード（「de」など）、または「fallback」。`,
  linked: (targets: string, channel: string) => `完了: ${targets} の紹介は今後 ${channel} に送信されます。`,
  linkMoved: (target: string, from: string) =>
    `${target} は以前 ${from} にリンクされていましたが、このチャネルに移動しました。`,
  postingWaiting: (count: number) => `待機中の紹介${count}件を、このチャネルに投稿します。`,
  unlinked: (targets: string) => `完了: ${targets} とこのチャネルのリンクを解除しました。`,
  notLinkedHere: (targets: string) => `${targets} はこのチャネルにリンクされていないため、変更はありません。`,
  linksTitle: '紹介の送信先',
  linksEmpty:
    'リンクされたチャネルはまだありません。地域のチャネルで、「link」と地域または国を付けて Referral Desk をメンションしてください（例: 「link emea」）。',
  uncoveredRegions: (list: string) =>
    `チャネルもフォールバックもまだない地域: ${list}。これらの地域の紹介は、チャネルがリンクされるまで待機します。`,
  thisChannel: 'このチャネル',
  generalChannel: '一般',
  fallbackName: 'その他すべて（fallback）',
  channelInLanguage: (channel: string, language: string) => `${channel} (${language})`,
  language: {
    channelReads: (name: string) => `このチャネルでは Referral Desk を${name}で表示しています。`,
    channelReadsDesk: (name: string) => `このチャネルでは Referral Desk をデスクの言語（${name}）で表示しています。`,
    youRead: (name: string) => `Referral Desk を${name}で表示しています。`,
    choices: (list: string) =>
      `変更するには、\`language\` に続けて次のいずれかを入力してください: ${list}。\`language default\` で既定に戻します。`,
    channelChosen: (name: string) =>
      `完了: このチャネルの新しいカード、返信、リマインダーを${name}で表示します。未完了の紹介のカードも今すぐ表示し直します。`,
    channelDefault: (name: string) =>
      `完了: このチャネルはデスクの言語（${name}）に戻りました。未完了の紹介のカードも今すぐ表示し直します。`,
    youChose: (name: string) => `完了: Referral Desk を${name}で表示します。`,
    yourDefault: (name: string) => `完了: Teams クライアントまたはデスクの言語に戻りました: ${name}。`,
    unknown: (typed: string, list: string) =>
      `Referral Desk は「${typed}」に対応していません。次のいずれかを選択してください: ${list}。`,
    notHere:
      'グループ チャットではデスクの言語で表示します。チャネルの言語はチャネルで、ご自身の言語は個人チャットで `language` と入力して選択してください。',
  },
};
