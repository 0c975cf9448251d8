/** The personal chat: its welcome, my deals, expiring, find, favourites and their lists, in German. */
import type { Strings } from '../en';

export const favorites: Strings['favorites'] = {
  title: 'Deine Favoriten',
  empty: 'Du hast noch keine Favoriten. Markiere eine Empfehlung mit „☆ Zu Favoriten hinzufügen“ auf ihrer Karte.',
  open: 'Öffnen',
  starred: 'Zu deinen Favoriten hinzugefügt. Sende mir „favorites“, um sie aufzulisten.',
  unstarred: 'Aus deinen Favoriten entfernt.',
  line: (stage: string, value: string, next: string) => [stage, value, next].filter(Boolean).join(' · '),
  expires: (date: string) => `läuft am ${date} ab`,
  closes: (date: string) => `Abschluss am ${date}`,
  more: (count: number) => `Und ${count} weitere; die neuesten stehen oben.`,
};

export const dealList: Strings['dealList'] = {
  line: (...parts: string[]) => parts.filter(Boolean).join(' · '),
  expires: (date: string) => `läuft am ${date} ab`,
  closes: (date: string) => `Abschluss am ${date}`,
  ownedBy: (name: string) => `Besitzer: ${name}`,
  overdue: (date: string) =>
    `Überfällig: Das Abschlussdatum war ${date}. Melde „Gewonnen“ oder „Verloren“, oder verschiebe es.`,
  timeLeft: (left: string) => `⏰ Noch ${left} zum Antworten`,
  open: 'Öffnen',
  page: (page: number, pages: number, total: number) => `Seite ${page} von ${pages} · ${total} insgesamt`,
  previous: '‹ Zurück',
  next: 'Weiter ›',
};

export const personalChat: Strings['personalChat'] = {
  welcomeTitle: 'Hallo, ich bin Referral Desk',
  welcomeIntro:
    'Ich bringe jede neue Empfehlung aus Partner Center in den Teams-Kanal ihrer Region, damit dein Team sie annimmt oder ablehnt, bevor sie abläuft, und behalte danach jeden Deal im Blick. Hier in unserem Chat siehst du deine eigenen Deals und die Empfehlungen, die bald ablaufen, und findest jede Empfehlung.',
  welcomeHowTo: 'Gib einen Befehl ein (auf Englisch, wie angezeigt) oder nutze seine Schaltfläche:',
  about: {
    myDeals: 'Die Empfehlungen, die dir gehören oder in deren Team du bist, die dringendsten zuerst.',
    expiring: 'Noch nicht entschiedene Empfehlungen deiner Regionen, die innerhalb von 3 Tagen ablaufen.',
    favorites: 'Die Empfehlungen, die du markiert hast.',
    find: 'Empfehlungen nach Kunde, Dealname, CRM-ID oder Empfehlungs-ID finden.',
    newDeal: 'Einen selbst gefundenen Deal registrieren.',
    settings: 'Deine Zeitzone und Arbeitszeiten, nach denen sich meine Erinnerungen an dich richten.',
    help: 'Alle Befehle.',
  },
  button: {
    myDeals: 'Meine Deals',
    expiring: 'Läuft bald ab',
    favorites: 'Favoriten',
    find: 'Suchen',
    newDeal: 'Neuer Deal',
    settings: 'Einstellungen',
    help: 'Hilfe',
  },
  findPlaceholder: 'z. B. Contoso',
  help: [
    '**Referral Desk in unserem Chat** (die Befehle verstehe ich nur auf Englisch, genau wie hier geschrieben)',
    '- `my deals`: die Empfehlungen, die dir gehören oder in deren Team du bist, offene zuerst und die dringendsten oben, jeweils mit den wichtigsten Fakten und einer Schaltfläche „Öffnen“',
    '- `expiring`: noch nicht entschiedene Empfehlungen, die innerhalb von 3 Tagen ablaufen, in den Regionen, die du verwaltest oder für die du antwortest (alle Regionen, wenn du keine Rolle in einer Region hast)',
    '- `favorites`: die Empfehlungen, die du markiert hast (markiere eine mit „☆ Zu Favoriten hinzufügen“ auf ihrer Karte)',
    '- `find contoso`: Empfehlungen nach Kunde, Dealname, CRM-ID oder Empfehlungs-ID finden',
    '- `new deal`: einen selbst gefundenen Deal registrieren (Kunde, Deal, Team, Lösungen, Rolle von Microsoft)',
    '- `settings`: deine Zeitzone und Arbeitszeiten, nach denen sich Erinnerungen richten, die ich dir direkt sende',
    '- `language ja`: die Sprache, in der du Referral Desk liest (`language` allein listet sie auf; `language default` folgt deinem Teams-Client)',
    '- `links`: zeigen, welcher Kanal welche Region erhält',
    '- `help`: diese Liste',
    '',
    'Um Kanäle mit Regionen zu verknüpfen, erwähne mich in einem Teamkanal, z. B. „link emea“.',
  ].join('\n'),
};

export const myDeals: Strings['myDeals'] = {
  title: 'Deine Deals',
  empty:
    'Dir gehört noch keine Empfehlung, und du bist in keinem Dealteam. Nimm eine Empfehlung auf ihrer Karte an, oder sende mir „new deal“.',
  usage: 'Um die Empfehlungen zu sehen, die dir gehören oder an denen du arbeitest, sende mir „my deals“.',
};

export const expiring: Strings['expiring'] = {
  title: 'Läuft innerhalb von 3 Tagen ab',
  scopeAdmin: 'Alle Regionen (du bist Admin).',
  scopeNoRole: 'Die Regionen deiner Teams: Du bist für keine bestimmte Region zuständig.',
  scopeRegions: (regions: string) => `Deine Regionen: ${regions}.`,
  empty: 'In den nächsten 3 Tagen läuft nichts ab. 🎉',
  more: (count: number) => `Und ${count} weitere, die später ablaufen.`,
};

export const find: Strings['find'] = {
  title: (query: string) => `Gefunden für „${query}“`,
  usage:
    'Sag mir, wonach ich suchen soll: mindestens 3 Buchstaben eines Kunden, eines Dealnamens oder einer CRM-ID, oder eine vollständige Empfehlungs-ID, z. B. „find contoso“.',
  none: (query: string) =>
    `Ich habe keine Empfehlung für „${query}“ gefunden. Ich durchsuche Kunden, Dealnamen, CRM-IDs und Empfehlungs-IDs.`,
  more: (count: number) => `Und ${count} weitere: Füge ein Wort hinzu, um die Suche einzugrenzen.`,
  manyMore: 'Und weitere: Füge ein Wort hinzu, um die Suche einzugrenzen.',
};
