/** What the desk answers people and places it does not serve, in Japanese. */
import type { Strings } from '../en';

export const access: Strings['access'] = {
  otherTenant: 'Referral Desk は別の組織で使用されています。変更は行われていません。',
  teamNotInstalled:
    'Referral Desk はこのチームにインストールされていないため、ここでは動作しません。チームの所有者が Teams アプリ ストアから追加できます。',
  notAMember:
    'Referral Desk は、インストールされているチームのメンバーにのみ応答します。いずれかのチームに追加するよう、チームの所有者に依頼してください。',
  linksByOwners:
    '紹介の送信先を変更できるのは、チームの所有者と Referral Desk の管理者のみです。現在の送信先は「links」で確認できます。',
  linksByAdmins:
    '紹介の送信先を変更できるのは、Referral Desk の管理者（DESK_ADMINS）のみです。現在の送信先は「links」で確認できます。',
  linksByMembers: 'チームのゲストは紹介の送信先を変更できません。現在の送信先は「links」で確認できます。',
  languageByOwners: 'このチャネルの言語を変更できるのは、チームの所有者とデスクの管理者だけです。',
  languageByAdmins: 'このチャネルの言語を変更できるのは、デスクの管理者（DESK_ADMINS）だけです。',
  languageByMembers: 'チームのゲストはこのチャネルの言語を変更できません。',
};
