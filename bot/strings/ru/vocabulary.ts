/**
 * The words for the desk's values: the app's name, how numbers and dates are written, stages, deal
 * types, kinds of lead, help requested and close reasons, in Russian.
 */
import type { CloseReason } from '../../domain/reasons';
import type { Strings } from '../en';

const pluralRules = new Intl.PluralRules('ru');

/**
 * The Russian form of a noun (or phrase) for a number: one (1, 21 день), few (2–4, 22 дня) or many
 * (5–20, 25 дней). A fraction takes the form of "few" (1,5 дня).
 */
export function plural(n: number, one: string, few: string, many: string): string {
  switch (pluralRules.select(n)) {
    case 'one':
      return one;
    case 'many':
      return many;
    default:
      return few;
  }
}

/**
 * Russian labels of Partner Center's documented decline and loss reasons. They are only what
 * the card's choice list shows: Partner Center's `statusReason` still receives the documented
 * English text (`CLOSE_REASONS`), whatever the reader's language.
 */
const closeReasonLabels = {
  budgetNotAdequate: 'Недостаточный бюджет проекта',
  customerDidNotRespond: 'Клиент не ответил',
  customerChoseAnotherVendor: 'Клиент выбрал другого поставщика',
  requirementNotMet: 'Требование клиента не выполнено',
  notACustomer: 'Не является клиентом',
  timelineTooShort: 'Предложенные сроки слишком короткие',
  abuse: 'Сообщить о нарушении, спаме или фишинге',
  other: 'Другое',
} satisfies Record<CloseReason, string>;

export const appName: Strings['appName'] = 'Referral Desk';

export const format: Strings['format'] = {
  locale: 'ru-RU',
  date: 'd MMM yyyy',
  dateTime: "ccc, d MMM 'в' HH:mm",
  shortDate: 'd MMM',
  shortDateTime: 'd MMM HH:mm',
  list: (...items: string[]) => items.join(', '),
  clauses: (...items: string[]) => items.join('; '),
  employees: (range: string) => `${range} сотрудников`,
  minutes: (n: number) => `${n} ${plural(n, 'минута', 'минуты', 'минут')}`,
  hours: (n: number) => `${n} ${plural(n, 'час', 'часа', 'часов')}`,
  days: (n: number) => `${n} ${plural(n, 'день', 'дня', 'дней')}`,
};

export const stage: Strings['stage'] = {
  received: 'Новая рекомендация',
  evaluating: 'Оценка',
  accepted: 'Принятая',
  won: 'Выигранная',
  lost: 'Потерянная',
  declined: 'Отклоненная',
  expired: 'Просроченная',
  missed: 'Пропущенная',
};

export const salesStage: Strings['salesStage'] = {
  none: 'Принята (10 %)',
  created: 'Создана (10 %)',
  Qualified: 'Квалификация (20 %)',
  Developed: 'Проработка (40 %)',
  Proposed: 'Предложение (60 %)',
  Negotiated: 'Согласование (80 %)',
};

export const dealType: Strings['dealType'] = {
  private: 'Частная',
  partnerLed: 'Под руководством партнера (видна продавцам Майкрософт)',
  coSell: 'Совместная продажа с Майкрософт',
  p2p: 'Между партнерами (P2P)',
  solutionAssessment: 'Оценка решения',
};

export const microsoftHelp: Strings['microsoftHelp'] = {
  none: 'Сейчас помощь не требуется',
  technicalArchitecture: 'Консультация по технической архитектуре',
  demoOrProofOfConcept: 'Демонстрация для клиента или проверка концепции',
  pricingAndLicensing: 'Цены и лицензирование',
  dealStrategy: 'Стратегия сделки и поддержка руководства',
  other: 'Другая помощь',
};

export const helpRequested: Strings['helpRequested'] = {
  ProofOfConceptOrDemo: 'Проверка концепции или демонстрация',
  CustomerTechnicalArchitecture: 'Техническая архитектура клиента',
  QuotesOrLicensing: 'Коммерческое предложение или лицензирование',
  WorkloadSpecificValueProposition: 'Ценностное предложение для конкретной рабочей нагрузки',
  GeneralOrOther: 'Общие или другие вопросы',
};

export const leadKind: Strings['leadKind'] = {
  customerInquiry: 'Запрос клиента (потенциальный клиент из Marketplace)',
  marketingQualified: 'Потенциальный клиент от Майкрософт, квалифицированный маркетингом',
  salesQualified: 'Потенциальный клиент от Майкрософт, квалифицированный отделом продаж',
  coSellFromMicrosoft: 'Приглашение к совместной продаже от Майкрософт',
  coSellFromPartner: 'Приглашение к совместной продаже от партнера',
};

// `Strings` types the English labels as the literal texts of CLOSE_REASONS (en/vocabulary.ts passes
// the const object itself), so a translation has to be asserted to that type. Only the keys matter
// to the code: the card shows the label and sends the code.
export const closeReason: Strings['closeReason'] = closeReasonLabels;
