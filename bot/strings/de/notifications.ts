/**
 * What the desk says unprompted: reminders in the thread and directly, and notices of a handed-
 * over deal, in German.
 */
import type { Strings } from '../en';

export const reminders: Strings['reminders'] = {
  nudge: (hours: string) =>
    `Bisher hat niemand auf diese Empfehlung geantwortet: Es bleiben ${hours}, um das 24-Stunden-Ziel einzuhalten. Kunden fragen oft mehrere Partner gleichzeitig.`,
  deadline: (left: string, customer: string) =>
    `⏰ Noch ${left}, um die Empfehlung von ${customer} zu beantworten, bevor sie abläuft.`,
  interest: (left: string, customer: string) =>
    `⏰ Noch ${left}, um zu sagen, ob wir an der Empfehlung von ${customer} interessiert sind.`,
  evaluation: (left: string, customer: string) =>
    `⏰ Noch ${left}, um die Empfehlung von ${customer} anzunehmen oder abzulehnen.`,
  forYou: (mention: string) => `${mention}, diese Empfehlung wartet auf dich.`,
  forResponders: (mentions: string) => `${mentions}: Bitte annehmen oder ablehnen.`,
  escalation: (left: string, customer: string) =>
    `⚠️ Auf die Empfehlung von ${customer} hat noch niemand geantwortet, und bis sie abläuft, bleiben nur noch ${left}. Du verwaltest ihre Region: Bitte sorge dafür, dass sie rechtzeitig angenommen oder abgelehnt wird.`,
  escalationInterested: (who: string, left: string, customer: string) =>
    `⚠️ ${who} hat bei der Empfehlung von ${customer} „Interessiert“ gesagt, sie aber noch nicht angenommen oder abgelehnt, und bis sie abläuft, bleiben nur noch ${left}. Du verwaltest ihre Region: Bitte sorge dafür, dass sie rechtzeitig angenommen oder abgelehnt wird.`,
  staleDeal: (deal: string, customer: string, closeDate: string) =>
    `📅 ${deal} (${customer}) sollte voraussichtlich am ${closeDate} abgeschlossen sein. Hast du den Deal gewonnen? Melde „Gewonnen“ oder „Verloren“, oder verschiebe das Abschlussdatum.`,
  snoozedAnswer: (left: string, customer: string) =>
    `⏰ Wie gewünscht: noch ${left}, um die Empfehlung von ${customer} zu beantworten.`,
  snoozed: (when: string) => `Zurückgestellt. Ich erinnere dich erneut am ${when}.`,
  tooLateToSnooze: 'Es bleibt zu wenig Zeit, um diese Erinnerung zurückzustellen: Bitte antworte jetzt.',
};

export const notices: Strings['notices'] = {
  nowOwner: (by: string, deal: string, customer: string) =>
    `${by} hat dir ${deal} (${customer}) übergeben: Der Deal gehört jetzt dir.`,
  nowOnTeam: (by: string, deal: string, customer: string) =>
    `${by} hat dich zum Team von ${deal} (${customer}) hinzugefügt: Du kannst den Deal in Teams bearbeiten.`,
};
