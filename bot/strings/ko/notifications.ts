/**
 * What the desk says unprompted: reminders in the thread and directly, and notices of a handed-
 * over deal, in Korean.
 */
import type { Strings } from '../en';

export const reminders: Strings['reminders'] = {
  nudge: (hours: string) =>
    `아직 이 추천에 응답한 사람이 없습니다. 24시간 목표 내에 응답할 시간이 ${hours} 남았습니다. 고객은 여러 파트너에게 동시에 문의하는 경우가 많습니다.`,
  deadline: (left: string, customer: string) =>
    `⏰ ${customer}의 추천이 만료되기 전에 응답할 시간이 ${left} 남았습니다.`,
  interest: (left: string, customer: string) =>
    `⏰ ${customer}의 추천에 관심이 있는지 응답할 시간이 ${left} 남았습니다.`,
  evaluation: (left: string, customer: string) =>
    `⏰ ${customer}의 추천을 수락하거나 거절할 시간이 ${left} 남았습니다.`,
  forYou: (mention: string) => `${mention} 님, 이 추천이 응답을 기다리고 있습니다.`,
  forResponders: (mentions: string) => `${mentions}: 이 추천을 수락하거나 거절해 주세요.`,
  escalation: (left: string, customer: string) =>
    `⚠️ 아직 아무도 ${customer}의 추천에 응답하지 않았으며, ${left} 후에 만료됩니다. 이 지역의 매니저로서 기한 내에 누군가 수락하거나 거절하도록 해 주세요.`,
  escalationInterested: (who: string, left: string, customer: string) =>
    `⚠️ ${who} 님이 ${customer}의 추천에 "관심 있음"이라고 응답했지만 아직 수락하거나 거절하지 않았으며, ${left} 후에 만료됩니다. 이 지역의 매니저로서 기한 내에 수락 또는 거절되도록 해 주세요.`,
  staleDeal: (deal: string, customer: string, closeDate: string) =>
    `📅 ${deal}(${customer})의 예상 완료 날짜(${closeDate})가 지났습니다. 거래에 성공했나요? "성공" 또는 "실패"를 보고하거나 완료 날짜를 변경하세요.`,
  snoozedAnswer: (left: string, customer: string) =>
    `⏰ 요청하신 알림입니다. ${customer}의 추천에 응답할 시간이 ${left} 남았습니다.`,
  snoozed: (when: string) => `다시 알림이 설정되었습니다. ${when}에 다시 알려 드리겠습니다.`,
  tooLateToSnooze: '남은 시간이 너무 적어 다시 알림을 설정할 수 없습니다. 지금 응답하세요.',
};

export const notices: Strings['notices'] = {
  nowOwner: (by: string, deal: string, customer: string) =>
    `${by} 님이 ${deal}(${customer}) 거래를 인계했습니다. 이제 이 거래의 소유자입니다.`,
  nowOnTeam: (by: string, deal: string, customer: string) =>
    `${by} 님이 ${deal}(${customer}) 거래 팀에 추가했습니다. Teams에서 이 거래를 진행할 수 있습니다.`,
};
