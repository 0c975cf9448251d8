/** The personal chat: its welcome, my deals, expiring, find, favourites and their lists, in Korean. */
import type { Strings } from '../en';

export const favorites: Strings['favorites'] = {
  title: '즐겨찾기',
  empty: '아직 즐겨찾기가 없습니다. 추천 카드에서 "☆ 즐겨찾기에 추가"를 선택하세요.',
  open: '열기',
  starred: '즐겨찾기에 추가했습니다. 목록을 보려면 "favorites"를 보내세요.',
  unstarred: '즐겨찾기에서 제거했습니다.',
  line: (stage: string, value: string, next: string) => [stage, value, next].filter(Boolean).join(' · '),
  expires: (date: string) => `${date} 만료`,
  closes: (date: string) => `${date} 완료 예정`,
  more: (count: number) => `외 ${count}건. 최신 항목이 먼저 표시됩니다.`,
};

export const dealList: Strings['dealList'] = {
  line: (...parts: string[]) => parts.filter(Boolean).join(' · '),
  expires: (date: string) => `${date} 만료`,
  closes: (date: string) => `${date} 완료 예정`,
  ownedBy: (name: string) => `소유자: ${name}`,
  overdue: (date: string) =>
    `기한 지남: 완료 날짜(${date})가 지났습니다. "성공" 또는 "실패"를 보고하거나 날짜를 변경하세요.`,
  timeLeft: (left: string) => `⏰ 응답까지 ${left} 남음`,
  open: '열기',
  page: (page: number, pages: number, total: number) => `${page}/${pages}페이지 · 총 ${total}건`,
  previous: '‹ 이전',
  next: '다음 ›',
};

export const personalChat: Strings['personalChat'] = {
  welcomeTitle: '안녕하세요, Referral Desk입니다',
  welcomeIntro:
    '새 파트너 센터 추천이 들어오면 해당 지역의 Teams 채널로 가져와 팀이 만료 전에 수락하거나 거절할 수 있도록 하고, 그 후에도 모든 거래를 추적합니다. 이 채팅에서는 내 거래와 곧 만료될 추천을 확인하고, 원하는 추천을 찾을 수 있습니다.',
  welcomeHowTo: '명령을 입력(표시된 대로 영어로)하거나 해당 단추를 사용하세요:',
  about: {
    myDeals: '소유하거나 팀에 속한 추천(가장 긴급한 항목 먼저).',
    expiring: '담당 지역에서 3일 이내에 만료되는 미결정 추천.',
    favorites: '즐겨찾기한 추천.',
    find: '고객, 거래 이름, CRM ID 또는 추천 ID로 추천 찾기.',
    newDeal: '직접 발굴한 거래 등록.',
    settings: '표준 시간대와 근무 시간(보내 드리는 알림이 이에 맞춰 전송됨).',
    help: '모든 명령.',
  },
  button: {
    myDeals: '내 거래',
    expiring: '곧 만료',
    favorites: '즐겨찾기',
    find: '찾기',
    newDeal: '새 거래',
    settings: '설정',
    help: '도움말',
  },
  findPlaceholder: '예: Contoso',
  help: [
    '**채팅에서 Referral Desk 사용하기**(명령은 아래와 같이 영어로 정확히 입력해야 인식됩니다)',
    '- `my deals`: 소유하거나 팀에 속한 추천. 진행 중인 항목이 먼저, 가장 긴급한 항목이 맨 위에 표시되며, 각 항목에 주요 정보와 "열기" 단추가 있습니다',
    '- `expiring`: 3일 이내에 만료되는 미결정 추천. 관리하거나 응답을 담당하는 지역이 대상입니다(지역 역할이 없으면 모든 지역)',
    '- `favorites`: 즐겨찾기한 추천(카드의 "☆ 즐겨찾기에 추가"로 추가)',
    '- `find contoso`: 고객, 거래 이름, CRM ID 또는 추천 ID로 추천 찾기',
    '- `new deal`: 직접 발굴한 거래 등록(고객, 거래, 팀, 솔루션, Microsoft의 역할)',
    '- `settings`: 표준 시간대와 근무 시간(직접 보내 드리는 알림이 이에 맞춰 전송됨)',
    '- `language ja`: Referral Desk를 표시할 언어(`language`만 입력하면 목록 표시, `language default`는 Teams 클라이언트 언어를 따름)',
    '- `links`: 어느 채널이 어느 지역의 추천을 받는지 표시',
    '- `help`: 이 목록',
    '',
    '채널을 지역에 연결하려면 팀 채널에서 저를 멘션하세요(예: "link emea").',
  ].join('\n'),
};

export const myDeals: Strings['myDeals'] = {
  title: '내 거래',
  empty: '아직 소유한 추천이나 속한 거래 팀이 없습니다. 카드에서 추천을 수락하거나 "new deal"을 보내세요.',
  usage: '소유하거나 작업 중인 추천을 보려면 "my deals"를 보내세요.',
};

export const expiring: Strings['expiring'] = {
  title: '3일 이내 만료',
  scopeAdmin: '모든 지역(관리자).',
  scopeNoRole: '소속 팀의 지역: 특별히 관리하거나 응답을 담당하는 지역이 없습니다.',
  scopeRegions: (regions: string) => `담당 지역: ${regions}.`,
  empty: '향후 3일 이내에 만료되는 항목이 없습니다. 🎉',
  more: (count: number) => `외 ${count}건은 그 이후에 만료됩니다.`,
};

export const find: Strings['find'] = {
  title: (query: string) => `"${query}" 검색 결과`,
  usage:
    '검색할 내용을 알려 주세요. 고객, 거래 이름 또는 CRM ID를 3자 이상 입력하거나 추천 ID 전체를 입력하세요(예: "find contoso").',
  none: (query: string) =>
    `"${query}"에 해당하는 추천을 찾지 못했습니다. 고객, 거래 이름, CRM ID, 추천 ID를 검색합니다.`,
  more: (count: number) => `외 ${count}건: 검색 범위를 좁히려면 단어를 추가하세요.`,
  manyMore: '결과가 더 있습니다. 검색 범위를 좁히려면 단어를 추가하세요.',
};
