/** Who manages which region, as admins see and change it, in Korean. */
import type { Strings } from '../en';

export const managers: Strings['managers'] = {
  adminsOnly: '관리자(DESK_ADMINS)만 지역별 매니저를 확인하고 변경할 수 있습니다.',
  usage:
    '"managers add name@example.com emea" 또는 "managers remove name@example.com emea"(전자 메일 주소, 사용자 계정 이름 또는 AAD 개체 ID와 지역)를 보내거나, 목록을 보려면 "managers"를 보내세요.',
  unknownRegion: (given: string, valid: string) => `알 수 없는 지역입니다: "${given}". 지역: ${valid}.`,
  unknownUser: (who: string) =>
    `팀에서 "${who}"에 해당하는 사람을 찾지 못했습니다. 그 사람이 속한 팀의 채널에서 전자 메일 주소, 사용자 계정 이름 또는 AAD 개체 ID를 사용하세요.`,
  added: (name: string, region: string) =>
    `완료: 이제 ${name} 님이 ${region} 지역을 관리합니다. "digest now"로 이 지역의 주간 요약을 받고, 응답 없이 곧 만료될 추천에 대한 알림을 받으며, 이 지역의 거래를 인계할 수 있습니다.`,
  alreadyManager: (name: string, region: string) =>
    `${name} 님은 이미 ${region} 지역을 관리하고 있으므로 변경된 내용이 없습니다.`,
  removed: (name: string, region: string) => `완료: ${name} 님은 더 이상 ${region} 지역을 관리하지 않습니다.`,
  fromRegionsFile: (name: string, region: string) =>
    `${name} 님은 지역 파일(REGIONS_FILE)을 통해 ${region} 지역을 관리합니다. 해당 파일에서 변경하세요.`,
  notManager: (who: string, region: string) => `${who} 님은 ${region} 지역을 관리하지 않으므로 변경된 내용이 없습니다.`,
  listTitle: '**지역 매니저**',
  listLine: (region: string, people: string) => `- **${region}**: ${people}`,
  nobody: '아직 없음',
  granted: (name: string, by: string, date: string) => `${name}(${date}, ${by} 님이 추가)`,
  configured: (name: string) => `${name}(지역 파일)`,
  admins: (people: string) => `관리자는 모든 지역을 관리합니다: ${people}.`,
};
