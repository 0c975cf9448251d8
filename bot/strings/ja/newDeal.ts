/** The form of a deal a partner found itself, in Japanese. */
import type { Strings } from '../en';

export const newDeal: Strings['newDeal'] = {
  title: '新しい案件',
  intro: '自分で見つけた案件を登録します。国によって地域とチャネルが決まり、後から変更することはできません。',
  customer: '顧客',
  customerName: '顧客名',
  country: '国',
  chooseCountry: '顧客の国を選択',
  contact: '顧客の連絡先',
  deal: '案件',
  member: 'チーム: 1人以上のメンバー',
  solutions: 'ソリューション（1つ以上。評価は単独で追加）',
  chooseSolutions: 'ソリューションを選択',
  microsoft: 'Microsoft',
  help: 'Microsoft に必要な支援の種類を指定してください',
  maySee: 'この案件を Microsoft の営業担当者に公開しますか？',
  yes: 'はい',
  no: 'いいえ',
  notesOptional: '顧客のニーズ（省略可）',
  submit: '案件を作成',
  required: (label: string) => `「${label}」は必須です。`,
  created: '案件を作成しました。カードは担当地域のチャネルに投稿されます。',
  alreadyCreated: 'このフォームで、下の案件はすでに作成されています。',
  formUsed: 'このフォームでは案件を作成できません。新しいフォームを表示するには「new deal」と送信してください。',
  usage: '自分で見つけた案件を登録するには、「new deal」と送信してください。',
};
