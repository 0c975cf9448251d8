/** Answers to a click on a card that could not be carried out, in Japanese. */
import type { Strings } from '../en';

export const actions: Strings['actions'] = {
  notPermitted: (owner: string | undefined) =>
    owner
      ? `この案件を変更できるのは、所有者の ${owner} さんと案件チームのみです。`
      : 'この案件を変更できるのは、この案件に携わるメンバーのみです。',
  notPermittedToReassign: (owner: string | undefined) =>
    owner
      ? `この案件を引き継げるのは、所有者の ${owner} さん、地域のマネージャー、または管理者のみです。`
      : 'この案件を引き継げるのは、所有者、地域のマネージャー、または管理者のみです。',
  stagesIncomplete: (stage: string) =>
    `ソリューション評価の案件は、すべての販売ステージが完了するまで受注にできません。現在のステージは「${stage}」です。先に「案件を編集」でステージを完了してください。`,
  noChange: '変更点はありません。案件はすでにその内容になっています。',
  editConflict: (fields: string, by: string | undefined) =>
    `編集中に${by ? ` ${by} さん` : '他のユーザー'}が「${fields}」を変更したため、保存されませんでした。カードには現在の案件が表示されています。変更するには、もう一度編集してください。`,
  upgradeNotAllowed: 'この案件の種類では、この変更はもう行えません。カードに現在の内容が表示されています。',
  alreadyDecided: (stage: string, by: string) =>
    `この紹介は ${by} によってすでに「${stage}」になっています。カードに現在の状況が表示されています。`,
  notAllowed: (stage: string) =>
    `この紹介は「${stage}」のため、この操作はもう行えません。カードに現在の状況が表示されています。`,
  notFound: 'この紹介の情報は、もう Referral Desk に残っていません。',
  fixInput: (problems: string) => `次の点を修正してください: ${problems}`,
  busy: '他のユーザーがこの紹介を変更中です。もう一度お試しください。',
  stillWorking: 'Referral Desk はこのクリックをまだ処理しています。しばらくしてから、もう一度カードをご確認ください。',
  alreadyDone: '完了: Referral Desk はこのクリックをすでに処理しました。',
  failed: 'こちら側で問題が発生したため、変更は行われていません。しばらくしてから、もう一度お試しください。',
  unknownAction: '不明な操作です: このボタンが要求した操作は Referral Desk にはないため、変更は行われていません。',
};
