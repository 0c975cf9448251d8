/** The personal chat: its welcome, my deals, expiring, find, favourites and their lists, in Japanese. */
import type { Strings } from '../en';

export const favorites: Strings['favorites'] = {
  title: 'お気に入り',
  empty: 'お気に入りはまだありません。紹介カードの「☆ お気に入りに追加」でスターを付けてください。',
  open: '開く',
  starred: 'お気に入りに追加しました。一覧を表示するには「favorites」と送信してください。',
  unstarred: 'お気に入りから削除しました。',
  line: (stage: string, value: string, next: string) => [stage, value, next].filter(Boolean).join(' · '),
  expires: (date: string) => `${date} に期限切れ`,
  closes: (date: string) => `${date} に完了予定`,
  more: (count: number) => `ほか${count}件あります。新しいものから順に表示しています。`,
};

export const dealList: Strings['dealList'] = {
  line: (...parts: string[]) => parts.filter(Boolean).join(' · '),
  expires: (date: string) => `${date} に期限切れ`,
  closes: (date: string) => `${date} に完了予定`,
  ownedBy: (name: string) => `所有者: ${name}`,
  overdue: (date: string) =>
    `期限超過: 完了予定日は ${date} でした。「受注」または「失注」を報告するか、完了予定日を変更してください。`,
  timeLeft: (left: string) => `⏰ 回答まで残り${left}`,
  open: '開く',
  page: (page: number, pages: number, total: number) => `${page} / ${pages} ページ · 全${total}件`,
  previous: '‹ 前へ',
  next: '次へ ›',
};

export const personalChat: Strings['personalChat'] = {
  welcomeTitle: 'こんにちは、Referral Desk です',
  welcomeIntro:
    'パートナー センターの新しい紹介を地域ごとの Teams チャネルに届け、チームが期限切れになる前に承諾または辞退できるようにします。その後も、すべての案件の状況を追跡します。このチャットでは、自分の案件や期限切れが近い紹介を確認したり、紹介を検索したりできます。',
  welcomeHowTo: 'コマンドを入力するか（表示どおり英語で）、ボタンを使用してください:',
  about: {
    myDeals: '自分が所有する紹介、またはチームに参加している紹介です（緊急度の高い順）。',
    expiring: '担当地域の未決定の紹介のうち、3日以内に期限切れになるものです。',
    favorites: 'スターを付けた紹介です。',
    find: '顧客、案件名、CRM ID、または紹介 ID で紹介を検索します。',
    newDeal: '自分で見つけた案件を登録します。',
    settings: 'タイム ゾーンと勤務時間です（リマインダーはこれに従ってお送りします）。',
    help: 'すべてのコマンドです。',
  },
  button: {
    myDeals: '自分の案件',
    expiring: 'まもなく期限切れ',
    favorites: 'お気に入り',
    find: '検索',
    newDeal: '新しい案件',
    settings: '設定',
    help: 'ヘルプ',
  },
  findPlaceholder: '例: Contoso',
  help: [
    '**チャットでの Referral Desk**（コマンドは英語のみ対応しています。ここに記載のとおり入力してください）',
    '- `my deals`: 自分が所有する紹介、またはチームに参加している紹介を表示します。進行中のものが先、緊急度の高いものが上に表示され、それぞれに主な情報と「開く」ボタンがあります',
    '- `expiring`: 管理または担当している地域で、3日以内に期限切れになる未決定の紹介を表示します（地域の役割がない場合はすべての地域）',
    '- `favorites`: スターを付けた紹介を表示します（カードの「☆ お気に入りに追加」でスターを付けます）',
    '- `find contoso`: 顧客、案件名、CRM ID、または紹介 ID で紹介を検索します',
    '- `new deal`: 自分で見つけた案件を登録します（顧客、案件、チーム、ソリューション、Microsoft の役割）',
    '- `settings`: タイム ゾーンと勤務時間を設定します（直接お送りするリマインダーはこれに従います）',
    '- `language ja`: Referral Desk を表示する言語を設定します（`language` のみで一覧を表示、`language default` で Teams クライアントの言語に従います）',
    '- `links`: どのチャネルがどの地域を受け取るかを表示します',
    '- `help`: この一覧を表示します',
    '',
    'チャネルを地域にリンクするには、チーム チャネルで Referral Desk をメンションしてください（例: 「link emea」）。',
  ].join('\n'),
};

export const myDeals: Strings['myDeals'] = {
  title: '自分の案件',
  empty:
    '所有している紹介も、参加している案件チームもまだありません。カードで紹介を承諾するか、「new deal」と送信してください。',
  usage: '所有または担当している紹介を表示するには、「my deals」と送信してください。',
};

export const expiring: Strings['expiring'] = {
  title: '3日以内に期限切れ',
  scopeAdmin: 'すべての地域（管理者）。',
  scopeNoRole: '所属チームの地域（特定の地域を管理・担当していません）。',
  scopeRegions: (regions: string) => `担当地域: ${regions}。`,
  empty: '今後3日以内に期限切れになるものはありません。🎉',
  more: (count: number) => `ほか${count}件は、それ以降に期限切れになります。`,
};

export const find: Strings['find'] = {
  title: (query: string) => `「${query}」の検索結果`,
  usage:
    '検索する内容を指定してください。顧客名、案件名、CRM ID の3文字以上、または紹介 ID 全体を入力します（例: 「find contoso」）。',
  none: (query: string) =>
    `「${query}」に該当する紹介は見つかりませんでした。検索対象は顧客、案件名、CRM ID、紹介 ID です。`,
  more: (count: number) => `ほか${count}件あります。語句を追加して絞り込んでください。`,
  manyMore: 'ほかにもあります。語句を追加して絞り込んでください。',
};
