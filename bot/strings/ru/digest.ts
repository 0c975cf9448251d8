/** The weekly digest and its full lists, in Russian. */
import type { Strings } from '../en';
import { plural } from './vocabulary';

export const digest: Strings['digest'] = {
  title: 'Еженедельная сводка',
  subtitle: (until: string) => `7 дней по ${until} в сравнении с 4 предыдущими неделями.`,
  total: 'Все ваши регионы',
  counts: {
    received: 'Получено',
    accepted: 'Принято',
    declined: 'Отклонено',
    expired: 'Просрочено',
    won: 'Выиграно',
    lost: 'Потеряно',
  },
  count: (current: string, average: string, arrow: string) => `${current} · в среднем за 4 нед. ${average} ${arrow}`,
  up: '↑',
  down: '↓',
  same: '→',
  acceptanceRate: 'Доля принятых',
  winRate: 'Доля выигранных',
  rate: (current: string, before: string) => `${current} · ранее ${before}`,
  nothing: '—',
  medianResponse: 'Первый ответ, медиана',
  p90Response: 'Первый ответ, 90-й процентиль',
  withinTarget: 'Ответ в течение 24 часов',
  withinTargetValue: (within: number, count: number, share: string) => `${within} из ${count} (${share})`,
  minutes: (m: number) => `${m} мин`,
  hours: (h: number, m: number) => (m > 0 ? `${h} ч ${m} мин` : `${h} ч`),
  days: (d: number, h: number) => (h > 0 ? `${d} дн. ${h} ч` : `${d} дн.`),
  chartTitle: 'Получено, выиграно и потеряно по неделям',
  week: 'Неделя с',
  pipeline: 'Открытая воронка (принятые сделки)',
  pipelineLine: (raw: string, weighted: string, deals: number) =>
    `${raw} · с учетом вероятности ${weighted} · ${deals} ${plural(deals, 'сделка', 'сделки', 'сделок')}`,
  noCurrency: 'Без валюты',
  noPipeline: 'Открытых принятых сделок нет.',
  lists: {
    expiring: (count: number) => `Истекают в ближайшие 7 дней: ${count}`,
    stale: (count: number) => `Дата закрытия прошла: ${count}`,
    top: (count: number) => `Крупнейшие открытые сделки (со стоимостью: ${count})`,
  },
  listEmpty: {
    expiring: 'В ближайшие 7 дней ничего не истекает.',
    stale: 'Нет сделок с прошедшей датой закрытия.',
    top: 'Ни у одной принятой сделки пока нет стоимости.',
  },
  more: (count: number) => `И еще ${count}.`,
  approximately: (money: string) => `≈ ${money}`,
  details: 'Подробнее',
  summary: (received: number, accepted: number, won: number) =>
    `За 7 дней: получено ${received} · принято ${accepted} · выиграно ${won}`,
  showAll: (count: number) => `Показать все (${count})`,
  reps: 'Ответы и выигрыши по сотрудникам за последние 7 дней',
  repLine: (responses: number, wins: number) =>
    `${responses} ${plural(responses, 'ответ', 'ответа', 'ответов')} · ${wins} ${plural(wins, 'выигрыш', 'выигрыша', 'выигрышей')}`,
  compact:
    'Регионы сведены вместе, чтобы карточка оставалась компактной: отправьте «digest now» с кодом региона (например, «digest now emea»), чтобы получить полную сводку по одному региону.',
  leftOut: (codes: string) =>
    `Не показаны, чтобы карточка оставалась компактной: ${codes}. Отправьте «digest now» с кодом одного из этих регионов.`,
  expires: (when: string) => `истекает ${when}`,
  closes: (date: string) => `дата закрытия ${date}`,
  listTitle: {
    expiring: (regions: string) => `Истекают в ближайшие 7 дней · ${regions}`,
    stale: (regions: string) => `Дата закрытия прошла · ${regions}`,
    top: (regions: string) => `Крупнейшие открытые сделки · ${regions}`,
  },
  listPage: (first: number, last: number, total: number) => `${first}–${last} из ${total}`,
  previous: 'Назад',
  next: 'Далее',
  open: 'Открыть',
  listSent: 'Я отправил вам полный список в наш личный чат.',
  listNotSent: 'Мне не удалось связаться с вами в личном чате: откройте чат с Referral Desk и повторите попытку там.',
  listBelow: 'Вот полный список.',
  notYourRegion: 'Вы управляете не всеми регионами этого списка, поэтому он не показан.',
  noRegion:
    'Вы не управляете ни одним регионом, поэтому сводки для вас нет. Администратор может назначить вас менеджером командой «managers add».',
  notYours: (code: string, valid: string) => `Вы не управляете регионом «${code}». Ваши регионы: ${valid}.`,
  sentToChat: 'Я отправил вашу сводку в наш личный чат.',
  notSent: 'Мне не удалось связаться с вами в личном чате: откройте чат с Referral Desk и отправьте там «digest now».',
  weeklyOff: 'Ваша еженедельная сводка отключена; команда «digest on» снова включит ее.',
  off: 'Готово: с этого момента еженедельная сводка вам не приходит. Команда «digest on» вернет ее, а «digest now» по-прежнему пришлет сводку по запросу.',
  on: 'Готово: вы снова получаете еженедельную сводку.',
  usage:
    'Отправьте «digest now», чтобы получить сводку по вашим регионам («digest now emea» — по одному), «digest off», чтобы отключить еженедельную сводку, и «digest on», чтобы снова ее включить.',
};
