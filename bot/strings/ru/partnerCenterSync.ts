/** Whether a change reached Partner Center, as the card shows it, in Russian. */
import type { Strings } from '../en';

export const partnerCenterSync: Strings['partnerCenterSync'] = {
  label: 'Центр партнеров',
  synced: '✓ Актуально',
  pending: '⏳ Записывается',
  retrying: (reason: string) => `⏳ Будет записано повторно (${reason})`,
  failed: (reason: string) => `⚠ Не записано: ${reason}`,
  closedThere: 'сделка закрыта в Центре партнеров',
  conflict: (fields: string) => `⚠ Изменено и в Центре партнеров: ${fields} — как в Центре партнеров`,
  conflictNotice: (deal: string, customer: string, fields: string) =>
    `Сделка ${deal} (${customer}) была изменена в Центре партнеров, пока ваше изменение было в пути: ${fields} теперь показывает значение из Центра партнеров, а ваше не записано. Проверьте карточку и внесите изменение снова, если ваше значение должно остаться.`,
};
