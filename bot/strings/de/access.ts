/** What the desk answers people and places it does not serve, in German. */
import type { Strings } from '../en';

export const access: Strings['access'] = {
  otherTenant: 'Referral Desk arbeitet für eine andere Organisation. Es wurde nichts geändert.',
  teamNotInstalled:
    'Referral Desk ist in diesem Team nicht installiert und tut hier nichts. Ein Teambesitzer kann es aus dem Teams-App-Store hinzufügen.',
  notAMember:
    'Referral Desk antwortet den Mitgliedern der Teams, in denen es installiert ist. Bitte einen Teambesitzer, dich zu einem davon hinzuzufügen.',
  linksByOwners:
    'Nur die Besitzer des Teams und die Admins des Desks dürfen ändern, wohin Empfehlungen gehen. „links“ zeigt, wohin sie jetzt gehen.',
  linksByAdmins:
    'Nur die Admins des Desks (DESK_ADMINS) dürfen ändern, wohin Empfehlungen gehen. „links“ zeigt, wohin sie jetzt gehen.',
  linksByMembers:
    'Gäste des Teams können nicht ändern, wohin Empfehlungen gehen. „links“ zeigt, wohin sie jetzt gehen.',
  languageByOwners: 'Nur die Besitzer des Teams und die Admins des Desks dürfen die Sprache dieses Kanals ändern.',
  languageByAdmins: 'Nur die Admins des Desks (DESK_ADMINS) dürfen die Sprache dieses Kanals ändern.',
  languageByMembers: 'Gäste des Teams können die Sprache dieses Kanals nicht ändern.',
};
