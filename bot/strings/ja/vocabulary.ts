/**
 * The words for the desk's values: the app's name, how numbers and dates are written, stages, deal
 * types, kinds of lead, help requested and close reasons, in Japanese.
 */
import type { CloseReason } from '../../domain/reasons';
import type { Strings } from '../en';

/**
 * Japanese labels of Partner Center's documented decline and loss reasons. They are only what
 * the card's choice list shows: Partner Center's `statusReason` still receives the documented
 * English text (`CLOSE_REASONS`), whatever the reader's language.
 */
const closeReasonLabels = {
  budgetNotAdequate: 'プロジェクトの予算が不十分',
  customerDidNotRespond: '顧客から応答がない',
  customerChoseAnotherVendor: '顧客が別のベンダーを選択した',
  requirementNotMet: '顧客の要件を満たせない',
  notACustomer: '顧客ではない',
  timelineTooShort: '提案されたスケジュールが短すぎる',
  abuse: '不正使用、スパム、フィッシングとして報告',
  other: 'その他',
} satisfies Record<CloseReason, string>;

export const appName: Strings['appName'] = 'Referral Desk';

export const format: Strings['format'] = {
  locale: 'ja-JP',
  date: "yyyy'年'M'月'd'日'",
  dateTime: "M'月'd'日'(ccc) HH:mm",
  shortDate: "M'月'd'日'",
  shortDateTime: "M'月'd'日' HH:mm",
  list: (...items: string[]) => items.join('、'),
  clauses: (...items: string[]) => items.join('；'),
  employees: (range: string) => `従業員 ${range} 人`,
  minutes: (n: number) => `${n}分`,
  hours: (n: number) => `${n}時間`,
  days: (n: number) => `${n}日`,
};

export const stage: Strings['stage'] = {
  received: '新しい紹介',
  evaluating: '検討中',
  accepted: '承諾済み',
  won: '受注',
  lost: '失注',
  declined: '辞退済み',
  expired: '期限切れ',
  missed: '見送り',
};

export const salesStage: Strings['salesStage'] = {
  none: '承諾済み（10%）',
  created: '作成済み（10%）',
  Qualified: '適格性確認済み（20%）',
  Developed: '要件把握済み（40%）',
  Proposed: '提案済み（60%）',
  Negotiated: '交渉済み（80%）',
};

export const dealType: Strings['dealType'] = {
  private: 'プライベート',
  partnerLed: 'パートナー主導（Microsoft の営業担当者に公開）',
  coSell: 'Microsoft との共同販売',
  p2p: 'パートナー間',
  solutionAssessment: 'ソリューション評価',
};

export const microsoftHelp: Strings['microsoftHelp'] = {
  none: '現時点では支援は不要',
  technicalArchitecture: '技術アーキテクチャのガイダンス',
  demoOrProofOfConcept: '顧客向けデモまたは概念実証（PoC）',
  pricingAndLicensing: '価格とライセンス',
  dealStrategy: '案件戦略とエグゼクティブ スポンサーシップ',
  other: 'その他の支援',
};

export const helpRequested: Strings['helpRequested'] = {
  ProofOfConceptOrDemo: '概念実証（PoC）またはデモ',
  CustomerTechnicalArchitecture: '顧客の技術アーキテクチャ',
  QuotesOrLicensing: '見積もりまたはライセンス',
  WorkloadSpecificValueProposition: 'ワークロード固有の価値提案',
  GeneralOrOther: '一般またはその他',
};

export const leadKind: Strings['leadKind'] = {
  customerInquiry: '顧客からの問い合わせ（マーケットプレース リード）',
  marketingQualified: 'Microsoft からのマーケティング適格リード',
  salesQualified: 'Microsoft からの営業適格リード',
  coSellFromMicrosoft: 'Microsoft からの共同販売の招待',
  coSellFromPartner: 'パートナーからの共同販売の招待',
};

// `Strings` types the English labels as the literal texts of CLOSE_REASONS (en/vocabulary.ts passes
// the const object itself), so a translation has to be asserted to that type. Only the keys matter
// to the code: the card shows the label and sends the code.
export const closeReason: Strings['closeReason'] = closeReasonLabels;
