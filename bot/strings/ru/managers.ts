/** Who manages which region, as admins see and change it, in Russian. */
import type { Strings } from '../en';

export const managers: Strings['managers'] = {
  adminsOnly: 'Видеть и изменять, кто управляет каким регионом, могут только администраторы (DESK_ADMINS).',
  usage:
    'Отправьте «managers add name@example.com emea» или «managers remove name@example.com emea» (адрес эл. почты, имя участника-пользователя или ИД объекта AAD и регион) либо «managers», чтобы увидеть список.',
  unknownRegion: (given: string, valid: string) => `Я не знаю региона «${given}». Регионы: ${valid}.`,
  unknownUser: (who: string) =>
    `Я не нашел в команде никого по запросу «${who}». Используйте адрес эл. почты, имя участника-пользователя или ИД объекта AAD в канале команды, в которой состоит этот человек.`,
  added: (name: string, region: string) =>
    `Готово: ${name} теперь управляет регионом ${region}. Этот менеджер может отправлять «digest now», чтобы получить еженедельную сводку региона, получает уведомления о его рекомендациях, которые вот-вот истекут без ответа, и может передавать его сделки.`,
  alreadyManager: (name: string, region: string) =>
    `${name} уже управляет регионом ${region}, поэтому ничего не изменено.`,
  removed: (name: string, region: string) => `Готово: ${name} больше не управляет регионом ${region}.`,
  fromRegionsFile: (name: string, region: string) =>
    `${name} управляет регионом ${region} согласно файлу регионов (REGIONS_FILE): измените это там.`,
  notManager: (who: string, region: string) => `${who} не управляет регионом ${region}, поэтому ничего не изменено.`,
  listTitle: '**Менеджеры регионов**',
  listLine: (region: string, people: string) => `- **${region}**: ${people}`,
  nobody: 'пока никого',
  granted: (name: string, by: string, date: string) => `${name} (добавил пользователь ${by}, ${date})`,
  configured: (name: string) => `${name} (файл регионов)`,
  admins: (people: string) => `Администраторы управляют всеми регионами: ${people}.`,
};
