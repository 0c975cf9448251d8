/** The channel welcome and the commands typed in a channel, in German. */
import type { Strings } from '../en';

export const welcome: Strings['welcome'] = {
  title: 'Referral Desk ist bereit',
  intro:
    'Ich poste jede neue Empfehlung aus Partner Center als Karte in den Kanal ihrer Region, damit dein Team sie annehmen oder ablehnen kann, bevor sie abläuft.',
  howToLink:
    'Erwähne mich in jedem regionalen Kanal mit den Regionen oder Ländern, für die er zuständig ist (die Befehle bleiben englisch):',
  example: '@Referral Desk link emea   ·   @Referral Desk link de   ·   @Referral Desk link fallback',
  regions: (list: string) =>
    `Regionen: ${list}. Ein Ländercode (wie „de“) hat Vorrang vor einer Region; „fallback“ fängt alles Übrige ab.`,
  // No angle brackets in user-facing text: Teams and the Playground read them as HTML tags.
  more: 'Gib „links“ ein, um die Zuordnung zu sehen, „unlink emea“ (oder einen anderen Code), um eine zu entfernen, und „help“ für alle Befehle.',
};

export const commands: Strings['commands'] = {
  help: [
    '**Befehle für Referral Desk** (ich verstehe sie nur auf Englisch, genau wie hier geschrieben)',
    '- `link emea`, `link de fr`, `link fallback`: Empfehlungen dieser Regionen oder Länder an diesen Kanal senden (`fallback` fängt den Rest ab)',
    '- `unlink emea`: sie nicht mehr hierher senden (beliebige Codes)',
    '- `links`: zeigen, welcher Kanal welche Region erhält',
    '- `language ko`: die Sprache dieses Kanals für Karten, Antworten und Erinnerungen (`language` allein listet sie auf; `language default` kehrt zur Sprache des Desks zurück)',
    '- `new deal`: einen selbst gefundenen Deal registrieren (Kunde, Deal, Team, Lösungen, Rolle von Microsoft)',
    '- `favorites`: die Empfehlungen, die du markiert hast (markiere eine mit „☆ Zu Favoriten hinzufügen“ auf ihrer Karte)',
    '- `settings`: deine Zeitzone und Arbeitszeiten, nach denen sich Erinnerungen richten, die ich dir direkt sende',
    '- `digest now`: die Übersicht der Regionen, die du verwaltest (`digest now emea` für eine); `digest off` und `digest on` stoppen und starten die wöchentliche (Manager)',
    '- `managers`, `managers add name@example.com emea`, `managers remove name@example.com emea`: wer welche Region verwaltet (Admins)',
    '- `help`: diese Liste',
    '',
    'In unserem persönlichen Chat: `my deals`, `expiring` und `find` (gib dort `help` ein).',
  ].join('\n'),
  unknown: (text: string) =>
    `„${text}“ kenne ich nicht. Gib „help“ ein, um die Befehle zu sehen; ich verstehe sie nur auf Englisch.`,
  linkNeedsChannel:
    'Verknüpfen funktioniert in einem Teamkanal: Erwähne mich dort mit „link“ und seiner Region oder seinem Land, z. B. „link emea“.',
  linkNeedsCodes: (valid: string) =>
    `Sag mir, was ich verknüpfen soll, z. B. „link emea“ oder „link de“. Gültige Regionen: ${valid}, jeder ISO-Ländercode oder „fallback“.`,
  unknownCodes: (codes: string, valid: string) =>
    `${codes} kenne ich nicht. Gültige Regionen: ${valid}, jeder zweistellige ISO-Ländercode (wie „de“) oder „fallback“.`,
  linked: (targets: string, channel: string) => `Erledigt: Empfehlungen für ${targets} erhält ab jetzt ${channel}.`,
  linkMoved: (target: string, from: string) =>
    `${target} war bisher mit ${from} verknüpft und ist jetzt hierher umgezogen.`,
  postingWaiting: (count: number) =>
    `${count} ${count === 1 ? 'wartende Empfehlung wird' : 'wartende Empfehlungen werden'} jetzt hier gepostet.`,
  unlinked: (targets: string) => `Erledigt: Die Verknüpfung von ${targets} mit diesem Kanal ist aufgehoben.`,
  notLinkedHere: (targets: string) =>
    `${targets} ${targets.includes(',') ? 'sind' : 'ist'} nicht mit diesem Kanal verknüpft, daher hat sich nichts geändert.`,
  linksTitle: 'Wohin Empfehlungen gehen',
  linksEmpty:
    'Noch ist kein Kanal verknüpft. Erwähne mich in einem regionalen Kanal mit „link“ und seiner Region oder seinem Land, z. B. „link emea“.',
  uncoveredRegions: (list: string) =>
    `Noch kein Kanal und kein Fallback für: ${list}. Deren Empfehlungen warten, bis ein Kanal verknüpft ist.`,
  thisChannel: 'dieser Kanal',
  generalChannel: 'Allgemein',
  fallbackName: 'alles Übrige (fallback)',
  channelInLanguage: (channel: string, language: string) => `${channel} (${language})`,
  language: {
    channelReads: (name: string) => `Dieser Kanal liest Referral Desk auf ${name}.`,
    channelReadsDesk: (name: string) => `Dieser Kanal liest Referral Desk in der Sprache des Desks: ${name}.`,
    youRead: (name: string) => `Du liest Referral Desk auf ${name}.`,
    choices: (list: string) =>
      `Zum Ändern gib \`language\` und eine davon ein: ${list}. \`language default\` kehrt zur Voreinstellung zurück.`,
    channelChosen: (name: string) =>
      `Erledigt: Dieser Kanal liest Referral Desk jetzt auf ${name}: neue Karten, Antworten und Erinnerungen hier. Die Karten seiner offenen Empfehlungen werden jetzt neu gezeichnet.`,
    channelDefault: (name: string) =>
      `Erledigt: Dieser Kanal liest Referral Desk wieder in der Sprache des Desks: ${name}. Die Karten seiner offenen Empfehlungen werden jetzt neu gezeichnet.`,
    youChose: (name: string) => `Erledigt: Du liest Referral Desk jetzt auf ${name}.`,
    yourDefault: (name: string) =>
      `Erledigt: Du liest Referral Desk wieder in der Sprache deines Teams-Clients oder des Desks: ${name}.`,
    unknown: (typed: string, list: string) => `Referral Desk spricht „${typed}“ nicht. Wähle eine davon: ${list}.`,
    notHere:
      'Ein Gruppenchat liest Referral Desk in der Sprache des Desks. Gib `language` in einem Kanal ein, um die des Kanals zu wählen, oder in unserem persönlichen Chat, um deine eigene zu wählen.',
  },
};
