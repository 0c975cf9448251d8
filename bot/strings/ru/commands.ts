/** The channel welcome and the commands typed in a channel, in Russian. */
import type { Strings } from '../en';
import { plural } from './vocabulary';

export const welcome: Strings['welcome'] = {
  title: 'Referral Desk готов к работе',
  intro:
    'Я публикую каждую новую рекомендацию из Центра партнеров в виде карточки в канале ее региона, чтобы ваша команда успела принять или отклонить ее до истечения срока.',
  howToLink:
    'В каждом региональном канале упомяните меня с регионами или странами, за которые он отвечает (команды вводятся на английском):',
  example: '@Referral Desk link emea   ·   @Referral Desk link de   ·   @Referral Desk link fallback',
  regions: (list: string) =>
    `Регионы: ${list}. Код страны (например, «de») важнее региона; «fallback» принимает все остальное.`,
  // No angle brackets in user-facing text: Teams and the Playground read them as HTML tags.
  more: 'Введите «links», чтобы увидеть привязки, «unlink emea» (или любой другой код), чтобы удалить привязку, и «help», чтобы увидеть все команды.',
};

export const commands: Strings['commands'] = {
  help: [
    '**Команды Referral Desk** (я понимаю их только на английском, точно как написано здесь)',
    '- `link emea`, `link de fr`, `link fallback`: отправлять рекомендации этих регионов или стран в этот канал (`fallback` принимает все остальные)',
    '- `unlink emea`: больше не отправлять их сюда (любые коды)',
    '- `links`: показать, какой канал получает какой регион',
    '- `language ko`: язык карточек, ответов и напоминаний в этом канале (`language` без кода показывает список; `language default` возвращает язык рабочего места)',
    '- `new deal`: зарегистрировать сделку, которую вы нашли сами (клиент, сделка, команда, решения, роль Майкрософт)',
    '- `favorites`: рекомендации, которые вы отметили (отметьте рекомендацию кнопкой «☆ В избранное» на ее карточке)',
    '- `settings`: ваш часовой пояс и рабочие часы, с учетом которых я присылаю вам напоминания напрямую',
    '- `digest now`: сводка по регионам, которыми вы управляете (`digest now emea` — по одному); `digest off` и `digest on` отключают и снова включают еженедельную сводку (менеджеры)',
    '- `managers`, `managers add name@example.com emea`, `managers remove name@example.com emea`: кто управляет каким регионом (администраторы)',
    '- `help`: этот список',
    '',
    'В нашем личном чате: `my deals`, `expiring` и `find` (введите там `help`).',
  ].join('\n'),
  unknown: (text: string) =>
    `Я не знаю команды «${text}». Введите «help», чтобы увидеть список команд; я понимаю их только на английском.`,
  linkNeedsChannel:
    'Привязка работает в канале команды: упомяните меня там с командой «link» и регионом или страной канала, например «link emea».',
  linkNeedsCodes: (valid: string) =>
    `Укажите, что привязать, например «link emea» или «link de». Допустимые регионы: ${valid}, любой код страны ISO или «fallback».`,
  unknownCodes: (codes: string, valid: string) =>
    `Я не знаю: ${codes}. Допустимые регионы: ${valid}, любой двухбуквенный код страны ISO (например, «de») или «fallback».`,
  linked: (targets: string, channel: string) => `Готово: рекомендации для ${targets} теперь поступают в ${channel}.`,
  linkMoved: (target: string, from: string) => `Привязка ${target} перенесена сюда (раньше: ${from}).`,
  postingWaiting: (count: number) =>
    `${count} ${plural(count, 'ожидающая рекомендация будет опубликована', 'ожидающие рекомендации будут опубликованы', 'ожидающих рекомендаций будут опубликованы')} здесь прямо сейчас.`,
  unlinked: (targets: string) => `Готово: привязка ${targets} к этому каналу удалена.`,
  notLinkedHere: (targets: string) => `Не привязаны к этому каналу: ${targets}. Ничего не изменено.`,
  linksTitle: 'Куда поступают рекомендации',
  linksEmpty:
    'Пока ни один канал не привязан. В региональном канале упомяните меня с командой «link» и регионом или страной, например «link emea».',
  uncoveredRegions: (list: string) =>
    `Нет ни канала, ни резервного канала (fallback) для: ${list}. Их рекомендации ждут, пока канал не будет привязан.`,
  thisChannel: 'этот канал',
  generalChannel: 'Общий',
  fallbackName: 'все остальное (fallback)',
  channelInLanguage: (channel: string, language: string) => `${channel} (${language})`,
  language: {
    channelReads: (name: string) => `В этом канале Referral Desk говорит на языке: ${name}.`,
    channelReadsDesk: (name: string) => `В этом канале Referral Desk говорит на языке рабочего места: ${name}.`,
    youRead: (name: string) => `Вы читаете Referral Desk на языке: ${name}.`,
    choices: (list: string) =>
      `Чтобы изменить его, введите \`language\` и один из кодов: ${list}. \`language default\` возвращает язык по умолчанию.`,
    channelChosen: (name: string) =>
      `Готово: новые карточки, ответы и напоминания в этом канале теперь на языке: ${name}. Карточки открытых рекомендаций перерисовываются сейчас.`,
    channelDefault: (name: string) =>
      `Готово: этот канал снова читает Referral Desk на языке рабочего места: ${name}. Карточки открытых рекомендаций перерисовываются сейчас.`,
    youChose: (name: string) => `Готово: теперь вы читаете Referral Desk на языке: ${name}.`,
    yourDefault: (name: string) => `Готово: снова используется язык вашего клиента Teams или рабочего места: ${name}.`,
    unknown: (typed: string, list: string) =>
      `Referral Desk не говорит на языке «${typed}». Выберите один из кодов: ${list}.`,
    notHere:
      'В групповом чате Referral Desk говорит на языке рабочего места. Введите `language` в канале, чтобы выбрать язык канала, или в нашем личном чате, чтобы выбрать свой.',
  },
};
