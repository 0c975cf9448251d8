/** Whether a change reached Partner Center, as the card shows it, in Korean. */
import type { Strings } from '../en';

export const partnerCenterSync: Strings['partnerCenterSync'] = {
  label: '파트너 센터',
  synced: '✓ 최신 상태',
  pending: '⏳ 기록 중',
  retrying: (reason: string) => `⏳ 다시 기록 예정(${reason})`,
  failed: (reason: string) => `⚠ 기록되지 않음: ${reason}`,
  closedThere: '파트너 센터에서 종료된 거래',
  conflict: (fields: string) => `⚠ 파트너 센터에서도 변경됨: ${fields} 항목에 파트너 센터의 값 표시`,
  conflictNotice: (deal: string, customer: string, fields: string) =>
    `${deal}(${customer}): 변경 내용을 전달하는 동안 파트너 센터에서도 거래가 변경되었습니다. 이제 ${fields} 항목에는 파트너 센터의 값이 표시되며, 입력하신 값은 기록되지 않았습니다. 카드를 확인하고, 입력하신 값이 맞다면 다시 변경하세요.`,
};
