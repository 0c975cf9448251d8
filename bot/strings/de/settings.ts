/** The settings card: time zone, working hours, direct messages, language and digest, in German. */
import type { Strings } from '../en';

export const settings: Strings['settings'] = {
  title: 'Deine Einstellungen',
  intro: 'Erinnerungen, die ich dir direkt sende, warten auf deine Arbeitszeit, in deiner Zeitzone.',
  saved: '✔ Gespeichert. Direktnachrichten richten sich ab jetzt nach diesen Zeiten.',
  save: 'Speichern',
  notYours:
    'Diese Karte zeigte die Einstellungen einer anderen Person, daher wurde nichts gespeichert. Hier sind deine: Prüfe sie und speichere.',
  workingHours: 'Zeitzone und Arbeitszeiten',
  timeZone: 'Zeitzone',
  findTimeZone: 'Gib eine Stadt oder Region ein, z. B. Berlin',
  allZones: 'Alle Zeitzonen anzeigen',
  timeZoneError: 'Wähle deine Zeitzone aus der Liste.',
  zoneChoice: (name: string, zone: string, offset: string) =>
    `${name ? `${name} – ` : ''}${zone}${offset ? ` (UTC${offset})` : ''}`,
  zoneFromTeams:
    'Diese Zeitzone hat mir dein Teams-Client mitgeteilt. Wähle eine andere und speichere, um deine eigene festzulegen.',
  zoneChosen: 'Du hast diese Zeitzone gewählt.',
  zoneDefault: 'Die Standardzeitzone von Referral Desk: Dein Teams-Client hat mir deine noch nicht mitgeteilt.',
  dayStarts: 'Arbeitsbeginn',
  dayEnds: 'Arbeitsende',
  timeError: 'Gib eine Uhrzeit wie 09:00 ein.',
  days: 'Arbeitstage',
  daysError: 'Wähle mindestens einen Tag.',
  hoursChosen: 'Du hast diese Zeiten gewählt.',
  hoursDefault: 'Die Standardzeiten von Referral Desk, bis du eigene wählst.',
  weekday: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  messages: 'Direktnachrichten',
  messagesLabel: 'Sende mir',
  messageKind: {
    reminders: 'Erinnerungen an Empfehlungen, die ich annehmen oder ablehnen soll',
    escalations: 'Empfehlungen meiner Regionen, die unbeantwortet abzulaufen drohen (Manager)',
    staleDeals: 'Meine Deals, deren voraussichtliches Abschlussdatum verstrichen ist',
    notices: 'Wenn mir jemand einen Deal übergibt oder mich zu seinem Team hinzufügt',
  },
  messagesNote: 'Eine Erinnerung, die du zurückgestellt hast, kommt immer wieder.',
  language: 'Sprache',
  languageError: 'Wähle eine Sprache aus der Liste.',
  languageChosen: 'Du hast diese Sprache gewählt. Befehle bleiben englisch (z. B. „my deals“).',
  languageFromTeams: 'Die Sprache deines Teams-Clients. Befehle bleiben englisch (z. B. „my deals“).',
  languageDefault: 'Die Sprache von Referral Desk. Befehle bleiben englisch (z. B. „my deals“).',
  digest: 'Wochenübersicht',
  digestDay: 'Tag',
  digestTime: 'Uhrzeit',
  digestNote: 'In deiner Zeitzone. „digest off“ schaltet sie ab, „digest now“ sendet sie sofort.',
  digestIsOff: 'Du hast sie abgeschaltet („digest off“); „digest on“ schaltet sie wieder ein.',
};
