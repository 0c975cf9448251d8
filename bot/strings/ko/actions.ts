/** Answers to a click on a card that could not be carried out, in Korean. */
import type { Strings } from '../en';

export const actions: Strings['actions'] = {
  notPermitted: (owner: string | undefined) =>
    owner
      ? `이 거래의 소유자인 ${owner} 님과 거래 팀만 변경할 수 있습니다.`
      : '이 거래를 담당하는 사람만 변경할 수 있습니다.',
  notPermittedToReassign: (owner: string | undefined) =>
    owner
      ? `이 거래의 소유자인 ${owner} 님, 해당 지역의 매니저 또는 관리자만 거래를 인계할 수 있습니다.`
      : '이 거래의 소유자, 해당 지역의 매니저 또는 관리자만 거래를 인계할 수 있습니다.',
  stagesIncomplete: (stage: string) =>
    `솔루션 평가 거래는 모든 판매 단계를 완료해야 성공으로 처리됩니다. 현재 단계: "${stage}". 먼저 "거래 편집"에서 단계를 완료하세요.`,
  noChange: '변경할 내용이 없습니다. 거래가 이미 그 상태입니다.',
  editConflict: (fields: string, by: string | undefined) =>
    `편집하는 동안 ${by ? `${by} 님이` : '다른 사용자가'} ${fields} 항목을 변경하여 아무것도 저장되지 않았습니다. 카드에 현재 거래 상태가 표시됩니다. 변경하려면 다시 편집하세요.`,
  upgradeNotAllowed: '이 거래 유형에서는 더 이상 해당 변경을 할 수 없습니다. 카드에 현재 상태가 표시됩니다.',
  alreadyDecided: (stage: string, by: string) =>
    `${by} 님이 이미 이 추천을 "${stage}" 상태로 처리했습니다. 카드에 현재 상태가 표시됩니다.`,
  notAllowed: (stage: string) =>
    `이 추천은 "${stage}" 상태이므로 더 이상 이 작업을 할 수 없습니다. 카드에 현재 상태가 표시됩니다.`,
  notFound: 'Referral Desk에서 더 이상 이 추천을 찾을 수 없습니다.',
  fixInput: (problems: string) => `다음을 수정하세요. ${problems}`,
  busy: '다른 사용자가 지금 이 추천을 변경하고 있습니다. 다시 시도하세요.',
  stillWorking: 'Referral Desk가 아직 이 클릭을 처리하고 있습니다. 잠시 후 카드를 다시 확인하세요.',
  alreadyDone: '완료: Referral Desk가 이미 이 클릭을 처리했습니다.',
  failed: '시스템에 문제가 발생하여 아무것도 변경되지 않았습니다. 잠시 후 다시 시도하세요.',
  unknownAction:
    '알 수 없는 작업: 이 단추가 요청한 기능은 Referral Desk에서 제공하지 않으므로 아무것도 변경되지 않았습니다.',
};
