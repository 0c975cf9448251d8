/** The channel welcome and the commands typed in a channel, in Korean. */
import type { Strings } from '../en';

export const welcome: Strings['welcome'] = {
  title: 'Referral Desk 준비 완료',
  intro:
    '새 파트너 센터 추천이 들어올 때마다 해당 지역 채널에 카드로 게시하여, 팀이 만료 전에 수락하거나 거절할 수 있도록 합니다.',
  howToLink: '각 지역 채널에서 저를 멘션하고, 채널이 담당하는 지역이나 국가를 입력하세요(명령은 영어 그대로 입력):',
  example: '@Referral Desk link emea   ·   @Referral Desk link de   ·   @Referral Desk link fallback',
  regions: (list: string) =>
    `지역: ${list}. 국가 코드(예: "de")가 지역보다 우선하며, "fallback"은 나머지를 모두 받습니다.`,
  // No angle brackets in user-facing text: Teams and the Playground read them as HTML tags.
  more: '"links"를 입력하면 연결 현황을, "unlink emea"(또는 다른 코드)를 입력하면 연결 해제를, "help"를 입력하면 모든 명령을 볼 수 있습니다.',
};

export const commands: Strings['commands'] = {
  help: [
    '**Referral Desk 명령**(아래와 같이 영어로 정확히 입력해야 인식됩니다)',
    '- `link emea`, `link de fr`, `link fallback`: 이 지역 또는 국가의 추천을 이 채널로 보냅니다(`fallback`은 나머지를 받음)',
    '- `unlink emea`: 이 채널로 보내기를 중지합니다(모든 코드 가능)',
    '- `links`: 어느 채널이 어느 지역의 추천을 받는지 표시합니다',
    '- `language ko`: 이 채널의 카드, 답변, 알림에 사용할 언어(`language`만 입력하면 목록 표시, `language default`는 데스크 기본 언어로 되돌림)',
    '- `new deal`: 직접 발굴한 거래를 등록합니다(고객, 거래, 팀, 솔루션, Microsoft의 역할)',
    '- `favorites`: 즐겨찾기한 추천(카드의 "☆ 즐겨찾기에 추가"로 추가)',
    '- `settings`: 표준 시간대와 근무 시간(직접 보내 드리는 알림이 이에 맞춰 전송됨)',
    '- `digest now`: 관리하는 지역의 요약(한 지역만 보려면 `digest now emea`). `digest off`와 `digest on`은 주간 요약을 중지하거나 다시 시작합니다(매니저)',
    '- `managers`, `managers add name@example.com emea`, `managers remove name@example.com emea`: 지역별 매니저 확인 및 변경(관리자)',
    '- `help`: 이 목록',
    '',
    '개인 채팅에서는 `my deals`, `expiring`, `find`를 사용할 수 있습니다(개인 채팅에서 `help` 입력).',
  ].join('\n'),
  unknown: (text: string) =>
    `알 수 없는 명령입니다: "${text}". "help"를 입력하면 명령 목록을 볼 수 있습니다(명령은 영어로만 인식됩니다).`,
  linkNeedsChannel:
    '연결은 팀 채널에서 할 수 있습니다. 채널에서 저를 멘션하고 "link"와 지역 또는 국가를 입력하세요(예: "link emea").',
  linkNeedsCodes: (valid: string) =>
    `연결할 대상을 알려 주세요(예: "link emea" 또는 "link de"). 유효한 지역: ${valid}, 모든 ISO 국가 코드 또는 "fallback".`,
  unknownCodes: (codes: string, valid: string) =>
    `알 수 없는 코드입니다: ${codes}. 유효한 지역: ${valid}, 두 글자 ISO 국가 코드(예: "de") 또는 "fallback".`,
  linked: (targets: string, channel: string) => `완료: 이제 ${targets}의 추천이 ${channel}(으)로 전송됩니다.`,
  linkMoved: (target: string, from: string) => `${target}: 이전 연결(${from})에서 이 채널로 옮겼습니다.`,
  postingWaiting: (count: number) => `대기 중인 추천 ${count}개를 지금 여기에 게시합니다.`,
  unlinked: (targets: string) => `완료: 이 채널에서 ${targets} 연결을 해제했습니다.`,
  notLinkedHere: (targets: string) => `${targets}: 이 채널에 연결되어 있지 않으므로 변경된 내용이 없습니다.`,
  linksTitle: '추천 전송 위치',
  linksEmpty:
    '아직 연결된 채널이 없습니다. 지역 채널에서 저를 멘션하고 "link"와 지역 또는 국가를 입력하세요(예: "link emea").',
  uncoveredRegions: (list: string) =>
    `채널도 fallback도 아직 없는 지역: ${list}. 해당 지역의 추천은 채널이 연결될 때까지 대기합니다.`,
  thisChannel: '이 채널',
  generalChannel: '일반',
  fallbackName: '나머지 전체(fallback)',
  channelInLanguage: (channel: string, language: string) => `${channel} (${language})`,
  language: {
    channelReads: (name: string) => `이 채널의 Referral Desk 표시 언어: ${name}`,
    channelReadsDesk: (name: string) => `이 채널의 Referral Desk 표시 언어: 데스크 기본 언어(${name})`,
    youRead: (name: string) => `Referral Desk 표시 언어: ${name}`,
    choices: (list: string) =>
      `변경하려면 \`language\` 뒤에 다음 중 하나를 입력하세요: ${list}. \`language default\`는 기본값으로 되돌립니다.`,
    channelChosen: (name: string) =>
      `완료: 이 채널의 표시 언어가 변경되었습니다(${name}). 새 카드, 답변, 알림에 적용되며, 진행 중인 추천의 카드도 지금 다시 표시됩니다.`,
    channelDefault: (name: string) =>
      `완료: 이 채널의 표시 언어가 다시 데스크 기본 언어(${name})입니다. 진행 중인 추천의 카드도 지금 다시 표시됩니다.`,
    youChose: (name: string) => `완료: Referral Desk 표시 언어가 변경되었습니다: ${name}`,
    yourDefault: (name: string) => `완료: 다시 Teams 클라이언트 언어 또는 데스크 기본 언어로 표시됩니다: ${name}.`,
    unknown: (typed: string, list: string) =>
      `Referral Desk는 "${typed}" 언어를 지원하지 않습니다. 다음 중 하나를 선택하세요: ${list}.`,
    notHere:
      '그룹 채팅에서는 데스크 기본 언어가 사용됩니다. 채널의 언어는 채널에서, 본인의 언어는 개인 채팅에서 `language`를 입력하여 선택하세요.',
  },
};
