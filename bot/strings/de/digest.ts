/** The weekly digest and its full lists, in German. */
import type { Strings } from '../en';

export const digest: Strings['digest'] = {
  title: 'Wochenübersicht',
  subtitle: (until: string) => `Die 7 Tage bis ${until}, verglichen mit den 4 Wochen davor.`,
  total: 'Alle deine Regionen',
  counts: {
    received: 'Eingegangen',
    accepted: 'Angenommen',
    declined: 'Abgelehnt',
    expired: 'Abgelaufen',
    won: 'Gewonnen',
    lost: 'Verloren',
  },
  count: (current: string, average: string, arrow: string) => `${current} · Ø 4 Wochen ${average} ${arrow}`,
  up: '↑',
  down: '↓',
  same: '→',
  acceptanceRate: 'Annahmequote',
  winRate: 'Gewinnquote',
  rate: (current: string, before: string) => `${current} · vorher ${before}`,
  nothing: '—',
  medianResponse: 'Erste Antwort, Median',
  p90Response: 'Erste Antwort, 90. Perzentil',
  withinTarget: 'Innerhalb von 24 Stunden beantwortet',
  withinTargetValue: (within: number, count: number, share: string) => `${within} von ${count} (${share})`,
  minutes: (m: number) => `${m} Min.`,
  hours: (h: number, m: number) => (m > 0 ? `${h} Std. ${m} Min.` : `${h} Std.`),
  days: (d: number, h: number) => (h > 0 ? `${d} Tg. ${h} Std.` : `${d} Tg.`),
  chartTitle: 'Eingegangen, gewonnen und verloren pro Woche',
  week: 'Woche ab',
  pipeline: 'Offene Pipeline (angenommene Deals)',
  pipelineLine: (raw: string, weighted: string, deals: number) =>
    `${raw} · gewichtet ${weighted} · ${deals} ${deals === 1 ? 'Deal' : 'Deals'}`,
  noCurrency: 'Keine Währung',
  noPipeline: 'Kein angenommener Deal ist offen.',
  lists: {
    expiring: (count: number) => `Läuft in den nächsten 7 Tagen ab: ${count}`,
    stale: (count: number) => `Abschlussdatum überschritten: ${count}`,
    top: (count: number) => `Größte offene Deals (${count} mit Wert)`,
  },
  listEmpty: {
    expiring: 'In den nächsten 7 Tagen läuft nichts ab.',
    stale: 'Kein Deal hat sein Abschlussdatum überschritten.',
    top: 'Noch hat kein angenommener Deal einen Wert.',
  },
  more: (count: number) => `Und ${count} weitere.`,
  approximately: (money: string) => `≈ ${money}`,
  details: 'Details',
  summary: (received: number, accepted: number, won: number) =>
    `Letzte 7 Tage: ${received} eingegangen · ${accepted} angenommen · ${won} gewonnen`,
  showAll: (count: number) => `Alle ${count} anzeigen`,
  reps: 'Antworten und Gewinne pro Person, letzte 7 Tage',
  repLine: (responses: number, wins: number) =>
    `${responses} ${responses === 1 ? 'Antwort' : 'Antworten'} · ${wins} ${wins === 1 ? 'Gewinn' : 'Gewinne'}`,
  compact:
    'Die Regionen sind zusammengefasst, damit diese Karte klein bleibt: Sende „digest now“ mit einem Regionscode (wie „digest now emea“), um eine Region vollständig zu sehen.',
  leftOut: (codes: string) =>
    `Weggelassen, damit diese Karte klein bleibt: ${codes}. Sende „digest now“ mit einem Regionscode für eine davon.`,
  expires: (when: string) => `läuft am ${when} ab`,
  closes: (date: string) => `Abschlussdatum ${date}`,
  listTitle: {
    expiring: (regions: string) => `Läuft in den nächsten 7 Tagen ab · ${regions}`,
    stale: (regions: string) => `Abschlussdatum überschritten · ${regions}`,
    top: (regions: string) => `Größte offene Deals · ${regions}`,
  },
  listPage: (first: number, last: number, total: number) => `${first}–${last} von ${total}`,
  previous: 'Zurück',
  next: 'Weiter',
  open: 'Öffnen',
  listSent: 'Ich habe dir die vollständige Liste in unseren persönlichen Chat geschickt.',
  listNotSent:
    'Ich konnte dich nicht im persönlichen Chat erreichen: Öffne einen Chat mit Referral Desk und versuche es dort erneut.',
  listBelow: 'Hier ist die vollständige Liste.',
  notYourRegion: 'Du verwaltest nicht jede Region dieser Liste, daher wird sie nicht angezeigt.',
  noRegion:
    'Du verwaltest keine Region, daher gibt es für dich keine Übersicht. Ein Admin kann dich mit „managers add“ zum Manager machen.',
  notYours: (code: string, valid: string) => `Du verwaltest keine Region „${code}“. Deine: ${valid}.`,
  sentToChat: 'Ich habe dir deine Übersicht in unseren persönlichen Chat geschickt.',
  notSent:
    'Ich konnte dich nicht im persönlichen Chat erreichen: Öffne einen Chat mit Referral Desk und sende dort „digest now“.',
  weeklyOff: 'Deine Wochenübersicht ist abgeschaltet; „digest on“ schaltet sie wieder ein.',
  off: 'Erledigt: Ab jetzt bekommst du keine Wochenübersicht mehr. „digest on“ holt sie zurück, und „digest now“ sendet dir weiterhin eine, wenn du danach fragst.',
  on: 'Erledigt: Du bekommst die Wochenübersicht wieder.',
  usage:
    'Sende „digest now“ für die Übersicht deiner Regionen („digest now emea“ für eine), „digest off“, um die wöchentliche abzuschalten, und „digest on“, um sie wieder zu bekommen.',
};
