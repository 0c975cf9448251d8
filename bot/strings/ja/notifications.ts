/**
 * What the desk says unprompted: reminders in the thread and directly, and notices of a handed-
 * over deal, in Japanese.
 */
import type { Strings } from '../en';

export const reminders: Strings['reminders'] = {
  nudge: (hours: string) =>
    `この紹介にはまだ誰も回答していません。24時間の目標内に回答するには、残り${hours}です。顧客は複数のパートナーに同時に問い合わせることがよくあります。`,
  deadline: (left: string, customer: string) =>
    `⏰ ${customer} の紹介は、あと${left}で期限切れになります。それまでに回答してください。`,
  interest: (left: string, customer: string) =>
    `⏰ ${customer} の紹介に関心があるかどうかの回答まで、残り${left}です。`,
  evaluation: (left: string, customer: string) => `⏰ ${customer} の紹介を承諾または辞退するまで、残り${left}です。`,
  forYou: (mention: string) => `${mention} さん、この紹介はあなたの対応を待っています。`,
  forResponders: (mentions: string) => `${mentions}: この紹介を承諾または辞退してください。`,
  escalation: (left: string, customer: string) =>
    `⚠️ ${customer} の紹介にまだ誰も回答しておらず、あと${left}で期限切れになります。この地域のマネージャーとして、期限内に誰かが承諾または辞退するよう手配してください。`,
  escalationInterested: (who: string, left: string, customer: string) =>
    `⚠️ ${who} さんが ${customer} の紹介に「関心あり」と回答しましたが、まだ承諾も辞退もしておらず、あと${left}で期限切れになります。この地域のマネージャーとして、期限内に承諾または辞退されるよう手配してください。`,
  staleDeal: (deal: string, customer: string, closeDate: string) =>
    `📅 ${deal}（${customer}）の完了予定日は ${closeDate} でした。受注しましたか？「受注」または「失注」を報告するか、完了予定日を変更してください。`,
  snoozedAnswer: (left: string, customer: string) =>
    `⏰ ご依頼のリマインダーです: ${customer} の紹介の回答期限まで、残り${left}です。`,
  snoozed: (when: string) => `再通知を設定しました。${when} にもう一度お知らせします。`,
  tooLateToSnooze: '残り時間が少ないため、再通知は設定できません。今すぐ回答してください。',
};

export const notices: Strings['notices'] = {
  nowOwner: (by: string, deal: string, customer: string) =>
    `${by} さんから ${deal}（${customer}）を引き継ぎました。あなたがこの案件の所有者になりました。`,
  nowOnTeam: (by: string, deal: string, customer: string) =>
    `${by} さんがあなたを ${deal}（${customer}）のチームに追加しました。Teams からこの案件を操作できます。`,
};
