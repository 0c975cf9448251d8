/** The form of a deal a partner found itself, in German. */
import type { Strings } from '../en';

export const newDeal: Strings['newDeal'] = {
  title: 'Neuer Deal',
  intro:
    'Registriere einen Deal, den du selbst gefunden hast. Das Land bestimmt Region und Kanal und lässt sich später nicht mehr ändern.',
  customer: 'Kunde',
  customerName: 'Kundenname',
  country: 'Land',
  chooseCountry: 'Wähle das Land des Kunden',
  contact: 'Kundenkontakt',
  deal: 'Deal',
  member: 'Dein Team: mindestens ein Mitglied',
  solutions: 'Lösungen (mindestens eine; eine Bewertung steht allein)',
  chooseSolutions: 'Lösungen auswählen',
  microsoft: 'Microsoft',
  help: 'Gib an, welche Art von Hilfe du von Microsoft benötigst',
  maySee: 'Sollen Microsoft-Verkäufer diesen Deal sehen können?',
  yes: 'Ja',
  no: 'Nein',
  notesOptional: 'Was der Kunde braucht (optional)',
  submit: 'Deal erstellen',
  required: (label: string) => `${label} ist erforderlich.`,
  created: 'Deal erstellt. Seine Karte geht an den Kanal seiner Region.',
  alreadyCreated: 'Dieses Formular hat den Deal unten bereits erstellt.',
  formUsed: 'Mit diesem Formular lässt sich kein Deal erstellen. Sende mir „new deal“ für ein neues Formular.',
  usage: 'Um einen selbst gefundenen Deal zu registrieren, sende mir „new deal“.',
};
