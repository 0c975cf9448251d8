/** What the desk answers people and places it does not serve, in Russian. */
import type { Strings } from '../en';

export const access: Strings['access'] = {
  otherTenant: 'Referral Desk обслуживает другую организацию. Ничего не изменено.',
  teamNotInstalled:
    'Referral Desk не установлен в этой команде, поэтому здесь он ничего не делает. Владелец команды может добавить его из магазина приложений Teams.',
  notAMember:
    'Referral Desk отвечает участникам команд, в которых он установлен. Попросите владельца команды добавить вас в одну из них.',
  linksByOwners:
    'Изменить, куда поступают рекомендации, могут только владельцы команды и администраторы Referral Desk. Команда «links» покажет, куда они поступают сейчас.',
  linksByAdmins:
    'Изменить, куда поступают рекомендации, могут только администраторы Referral Desk (DESK_ADMINS). Команда «links» покажет, куда они поступают сейчас.',
  linksByMembers:
    'Гости команды не могут изменить, куда поступают рекомендации. Команда «links» покажет, куда они поступают сейчас.',
};
