/**
 * The words for the desk's values: the app's name, how numbers and dates are written, stages, deal
 * types, kinds of lead, help requested and close reasons, in Traditional Chinese (Taiwan).
 */
import type { CloseReason } from '../../domain/reasons';
import type { Strings } from '../en';

/**
 * Traditional Chinese labels of Partner Center's documented decline and loss reasons. They are
 * only what the card's choice list shows: Partner Center's `statusReason` still receives the
 * documented English text (`CLOSE_REASONS`), whatever the reader's language.
 */
const closeReasonLabels = {
  budgetNotAdequate: '專案預算不足',
  customerDidNotRespond: '客戶未回應',
  customerChoseAnotherVendor: '客戶選擇了其他廠商',
  requirementNotMet: '未符合客戶需求',
  notACustomer: '不是客戶',
  timelineTooShort: '提議的時程太短',
  abuse: '回報為濫用、垃圾郵件或網路釣魚',
  other: '其他',
} satisfies Record<CloseReason, string>;

export const appName: Strings['appName'] = 'Referral Desk';

export const format: Strings['format'] = {
  locale: 'zh-TW',
  date: "yyyy'年'M'月'd'日'",
  dateTime: "M'月'd'日' (ccc) HH:mm",
  shortDate: "M'月'd'日'",
  shortDateTime: "M'月'd'日' HH:mm",
  list: (...items: string[]) => items.join('、'),
  clauses: (...items: string[]) => items.join('；'),
  employees: (range: string) => `${range} 名員工`,
  minutes: (n: number) => `${n} 分鐘`,
  hours: (n: number) => `${n} 小時`,
  days: (n: number) => `${n} 天`,
};

export const stage: Strings['stage'] = {
  received: '新推薦',
  evaluating: '評估中',
  accepted: '已接受',
  won: '已成交',
  lost: '未成交',
  declined: '已拒絕',
  expired: '已過期',
  missed: '已錯過',
};

export const salesStage: Strings['salesStage'] = {
  none: '已接受 (10%)',
  created: '已建立 (10%)',
  Qualified: '已驗證資格 (20%)',
  Developed: '已開發 (40%)',
  Proposed: '已提案 (60%)',
  Negotiated: '已協商 (80%)',
};

export const dealType: Strings['dealType'] = {
  private: '私人',
  partnerLed: '合作夥伴主導 (Microsoft 銷售人員可檢視)',
  coSell: '與 Microsoft 共同銷售',
  p2p: '合作夥伴對合作夥伴',
  solutionAssessment: '解決方案評估',
};

export const microsoftHelp: Strings['microsoftHelp'] = {
  none: '目前不需要協助',
  technicalArchitecture: '技術架構指導',
  demoOrProofOfConcept: '客戶示範或概念驗證',
  pricingAndLicensing: '定價和授權',
  dealStrategy: '交易策略和高階主管贊助',
  other: '其他協助',
};

export const helpRequested: Strings['helpRequested'] = {
  ProofOfConceptOrDemo: '概念驗證或示範',
  CustomerTechnicalArchitecture: '客戶技術架構',
  QuotesOrLicensing: '報價或授權',
  WorkloadSpecificValueProposition: '特定工作負載的價值主張',
  GeneralOrOther: '一般或其他',
};

export const leadKind: Strings['leadKind'] = {
  customerInquiry: '客戶詢問 (商業市集潛在客戶)',
  marketingQualified: '來自 Microsoft 的行銷合格潛在客戶',
  salesQualified: '來自 Microsoft 的銷售合格潛在客戶',
  coSellFromMicrosoft: '來自 Microsoft 的共同銷售邀請',
  coSellFromPartner: '來自合作夥伴的共同銷售邀請',
};

// `Strings` types the English labels as the literal texts of CLOSE_REASONS (en/vocabulary.ts passes
// the const object itself), so a translation has to be asserted to that type. Only the keys matter
// to the code: the card shows the label and sends the code.
export const closeReason: Strings['closeReason'] = closeReasonLabels;
