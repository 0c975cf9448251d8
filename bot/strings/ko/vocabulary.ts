/**
 * The words for the desk's values: the app's name, how numbers and dates are written, stages, deal
 * types, kinds of lead, help requested and close reasons, in Korean.
 */
import type { CloseReason } from '../../domain/reasons';
import type { Strings } from '../en';

/**
 * Korean labels of Partner Center's documented decline and loss reasons. They are only what
 * the card's choice list shows: Partner Center's `statusReason` still receives the documented
 * English text (`CLOSE_REASONS`), whatever the reader's language.
 */
const closeReasonLabels = {
  budgetNotAdequate: '프로젝트 예산 부족',
  customerDidNotRespond: '고객 응답 없음',
  customerChoseAnotherVendor: '고객이 다른 공급업체를 선택함',
  requirementNotMet: '고객 요구 사항을 충족하지 못함',
  notACustomer: '고객 아님',
  timelineTooShort: '제안된 일정이 너무 짧음',
  abuse: '악용, 스팸 또는 피싱으로 신고',
  other: '기타',
} satisfies Record<CloseReason, string>;

export const appName: Strings['appName'] = 'Referral Desk';

/** Korean writes year, month, day; lengths of time take no plural ("1시간", "4시간"). */
export const format: Strings['format'] = {
  locale: 'ko-KR',
  date: "yyyy'년' M'월' d'일'",
  dateTime: "M'월' d'일' (ccc) HH:mm",
  shortDate: "M'월' d'일'",
  shortDateTime: "M'월' d'일' HH:mm",
  list: (...items: string[]) => items.join(', '),
  clauses: (...items: string[]) => items.join('; '),
  employees: (range: string) => `직원 ${range}명`,
  minutes: (n: number) => `${n}분`,
  hours: (n: number) => `${n}시간`,
  days: (n: number) => `${n}일`,
};

export const stage: Strings['stage'] = {
  received: '새 추천',
  evaluating: '평가 중',
  accepted: '수락됨',
  won: '성공',
  lost: '실패',
  declined: '거절됨',
  expired: '만료됨',
  missed: '놓침',
};

export const salesStage: Strings['salesStage'] = {
  none: '수락됨(10%)',
  created: '생성됨(10%)',
  Qualified: '검증됨(20%)',
  Developed: '개발됨(40%)',
  Proposed: '제안됨(60%)',
  Negotiated: '협상됨(80%)',
};

export const dealType: Strings['dealType'] = {
  private: '비공개',
  partnerLed: '파트너 주도(Microsoft 판매자에게 공개)',
  coSell: 'Microsoft와 공동 판매',
  p2p: '파트너 간(P2P)',
  solutionAssessment: '솔루션 평가',
};

export const microsoftHelp: Strings['microsoftHelp'] = {
  none: '현재 도움이 필요하지 않음',
  technicalArchitecture: '기술 아키텍처 지침',
  demoOrProofOfConcept: '고객 데모 또는 POC(개념 증명)',
  pricingAndLicensing: '가격 책정 및 라이선스',
  dealStrategy: '거래 전략 및 경영진 후원',
  other: '기타 도움',
};

export const helpRequested: Strings['helpRequested'] = {
  ProofOfConceptOrDemo: 'POC(개념 증명) 또는 데모',
  CustomerTechnicalArchitecture: '고객 기술 아키텍처',
  QuotesOrLicensing: '견적 또는 라이선스',
  WorkloadSpecificValueProposition: '워크로드별 가치 제안',
  GeneralOrOther: '일반 또는 기타',
};

export const leadKind: Strings['leadKind'] = {
  customerInquiry: '고객 문의(Marketplace 잠재 고객)',
  marketingQualified: 'Microsoft의 마케팅 한정 잠재 고객',
  salesQualified: 'Microsoft의 판매 한정 잠재 고객',
  coSellFromMicrosoft: 'Microsoft의 공동 판매 초대',
  coSellFromPartner: '파트너의 공동 판매 초대',
};

// `Strings` types the English labels as the literal texts of CLOSE_REASONS (en/vocabulary.ts passes
// the const object itself), so a translation has to be asserted to that type. Only the keys matter
// to the code: the card shows the label and sends the code.
export const closeReason: Strings['closeReason'] = closeReasonLabels;
