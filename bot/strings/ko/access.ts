/** What the desk answers people and places it does not serve, in Korean. */
import type { Strings } from '../en';

export const access: Strings['access'] = {
  otherTenant: 'Referral Desk는 다른 조직에서 사용하는 앱입니다. 아무것도 변경되지 않았습니다.',
  teamNotInstalled:
    'Referral Desk가 이 팀에 설치되어 있지 않아 여기서는 작동하지 않습니다. 팀 소유자가 Teams 앱 스토어에서 추가할 수 있습니다.',
  notAMember:
    'Referral Desk는 설치된 팀의 멤버에게만 응답합니다. 팀 소유자에게 해당 팀 중 하나에 추가해 달라고 요청하세요.',
  linksByOwners:
    '팀 소유자와 Referral Desk 관리자만 추천을 보낼 위치를 변경할 수 있습니다. 현재 위치는 "links"로 확인하세요.',
  linksByAdmins:
    'Referral Desk 관리자(DESK_ADMINS)만 추천을 보낼 위치를 변경할 수 있습니다. 현재 위치는 "links"로 확인하세요.',
  linksByMembers: '팀 게스트는 추천을 보낼 위치를 변경할 수 없습니다. 현재 위치는 "links"로 확인하세요.',
  languageByOwners: '팀 소유자와 데스크 관리자만 이 채널의 언어를 변경할 수 있습니다.',
  languageByAdmins: '데스크 관리자(DESK_ADMINS)만 이 채널의 언어를 변경할 수 있습니다.',
  languageByMembers: '팀 게스트는 이 채널의 언어를 변경할 수 없습니다.',
};
