/** The settings card: time zone, working hours, direct messages, language and digest, in Korean. */
import type { Strings } from '../en';

export const settings: Strings['settings'] = {
  title: '내 설정',
  intro: '직접 보내 드리는 알림은 설정한 표준 시간대의 근무 시간에 맞춰 전송됩니다.',
  saved: '✔ 저장했습니다. 이제부터 직접 메시지는 이 시간에 맞춰 전송됩니다.',
  save: '저장',
  notYours:
    '이 카드에는 다른 사람의 설정이 표시되어 있어 저장하지 않았습니다. 내 설정은 다음과 같습니다. 확인한 후 저장하세요.',
  workingHours: '표준 시간대 및 근무 시간',
  timeZone: '표준 시간대',
  findTimeZone: '도시 또는 지역을 입력하세요(예: 한국, Seoul)',
  allZones: '모든 표준 시간대 표시',
  timeZoneError: '목록에서 표준 시간대를 선택하세요.',
  zoneChoice: (name: string, zone: string, offset: string) =>
    `${name ? `${name} — ` : ''}${zone}${offset ? ` (UTC${offset})` : ''}`,
  zoneFromTeams:
    'Teams 클라이언트에서 알려 준 표준 시간대입니다. 다른 표준 시간대를 선택하고 저장하면 그 설정이 유지됩니다.',
  zoneChosen: '직접 선택한 표준 시간대입니다.',
  zoneDefault: 'Referral Desk의 기본 표준 시간대입니다. Teams 클라이언트에서 아직 표준 시간대를 알려 주지 않았습니다.',
  dayStarts: '근무 시작',
  dayEnds: '근무 종료',
  timeError: '시간을 입력하세요(예: 09:00).',
  days: '근무일',
  daysError: '하루 이상 선택하세요.',
  hoursChosen: '직접 선택한 근무 시간입니다.',
  hoursDefault: '직접 선택하기 전까지 적용되는 Referral Desk의 기본 근무 시간입니다.',
  weekday: ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'],
  messages: '직접 메시지',
  messagesLabel: '받을 메시지',
  messageKind: {
    reminders: '수락 또는 거절해야 하는 추천에 대한 알림',
    escalations: '응답 없이 곧 만료될 담당 지역의 추천(매니저)',
    staleDeals: '예상 완료 날짜가 지난 내 거래',
    notices: '다른 사람이 나에게 거래를 인계하거나 거래 팀에 추가할 때',
  },
  messagesNote: '다시 알림을 설정한 알림은 항상 다시 전송됩니다.',
  language: '언어',
  languageError: '목록에서 언어를 선택하세요.',
  languageChosen: '직접 선택한 언어입니다. 명령은 영어 그대로 입력합니다(예: "my deals").',
  languageFromTeams: 'Teams 클라이언트의 언어입니다. 명령은 영어 그대로 입력합니다(예: "my deals").',
  languageDefault: 'Referral Desk의 기본 언어입니다. 명령은 영어 그대로 입력합니다(예: "my deals").',
  digest: '주간 요약',
  digestDay: '요일',
  digestTime: '시간',
  digestNote: '설정한 표준 시간대 기준입니다. "digest off"로 중지하고, "digest now"로 즉시 받을 수 있습니다.',
  digestIsOff: '주간 요약을 껐습니다("digest off"). "digest on"으로 다시 켤 수 있습니다.',
};
