/** Whether a change reached Partner Center, as the card shows it, in German. */
import type { Strings } from '../en';

export const partnerCenterSync: Strings['partnerCenterSync'] = {
  label: 'Partner Center',
  synced: '✓ Aktuell',
  pending: '⏳ Wird übertragen',
  retrying: (reason: string) => `⏳ Wird erneut übertragen (${reason})`,
  failed: (reason: string) => `⚠ Nicht übertragen: ${reason}`,
  closedThere: 'er ist im Partner Center geschlossen',
  conflict: (fields: string) => `⚠ Auch im Partner Center geändert: ${fields} wie im Partner Center`,
  conflictNotice: (deal: string, customer: string, fields: string) =>
    `${deal} (${customer}) wurde im Partner Center geändert, während deine Änderung unterwegs war: ${fields} zeigt jetzt den Wert aus dem Partner Center, deiner wurde nicht übertragen. Prüfe die Karte und ändere sie erneut, wenn dein Wert gelten soll.`,
};
