/**
 * What the desk says unprompted: reminders in the thread and directly, and notices of a handed-
 * over deal, in Russian.
 */
import type { Strings } from '../en';

export const reminders: Strings['reminders'] = {
  nudge: (hours: string) =>
    `На эту рекомендацию еще никто не ответил. Чтобы уложиться в целевые 24 часа, осталось: ${hours}. Клиенты часто обращаются сразу к нескольким партнерам.`,
  deadline: (left: string, customer: string) =>
    `⏰ До истечения рекомендации клиента ${customer} осталось: ${left}. Ответьте на нее.`,
  interest: (left: string, customer: string) =>
    `⏰ Осталось: ${left}. Сообщите, интересна ли нам рекомендация клиента ${customer}.`,
  evaluation: (left: string, customer: string) =>
    `⏰ Осталось: ${left}. Примите или отклоните рекомендацию клиента ${customer}.`,
  forYou: (mention: string) => `${mention}, эта рекомендация ждет вас.`,
  forResponders: (mentions: string) => `${mentions}: примите или отклоните ее.`,
  escalation: (left: string, customer: string) =>
    `⚠️ На рекомендацию клиента ${customer} еще никто не ответил, а до ее истечения осталось: ${left}. Вы управляете ее регионом: позаботьтесь о том, чтобы ее вовремя приняли или отклонили.`,
  escalationInterested: (who: string, left: string, customer: string) =>
    `⚠️ Пользователь ${who} ответил «Мне интересно» на рекомендацию клиента ${customer}, но еще не принял и не отклонил ее, а до ее истечения осталось: ${left}. Вы управляете ее регионом: позаботьтесь о том, чтобы ее вовремя приняли или отклонили.`,
  staleDeal: (deal: string, customer: string, closeDate: string) =>
    `📅 Ожидаемая дата закрытия сделки ${deal} (${customer}) была ${closeDate}. Сделка выиграна? Отметьте ее как выигранную или потерянную либо перенесите дату закрытия.`,
  snoozedAnswer: (left: string, customer: string) =>
    `⏰ Как вы просили: на ответ на рекомендацию клиента ${customer} осталось: ${left}.`,
  snoozed: (when: string) => `Отложено. Я напомню снова: ${when}.`,
  tooLateToSnooze: 'Осталось слишком мало времени, чтобы отложить это напоминание: ответьте сейчас.',
};

export const notices: Strings['notices'] = {
  nowOwner: (by: string, deal: string, customer: string) =>
    `Пользователь ${by} передал вам сделку ${deal} (${customer}): теперь вы ее владелец.`,
  nowOnTeam: (by: string, deal: string, customer: string) =>
    `Пользователь ${by} добавил вас в команду сделки ${deal} (${customer}): вы можете работать с ней в Teams.`,
};
