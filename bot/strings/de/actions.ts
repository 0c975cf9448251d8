/** Answers to a click on a card that could not be carried out, in German. */
import type { Strings } from '../en';

export const actions: Strings['actions'] = {
  notPermitted: (owner: string | undefined) =>
    owner
      ? `Nur ${owner} als Besitzer dieses Deals und das Dealteam können ihn ändern.`
      : 'Nur die Personen, die an diesem Deal arbeiten, können ihn ändern.',
  notPermittedToReassign: (owner: string | undefined) =>
    owner
      ? `Nur ${owner} als Besitzer dieses Deals, die Manager der Region oder ein Admin können ihn übergeben.`
      : 'Nur der Besitzer dieses Deals, die Manager der Region oder ein Admin können ihn übergeben.',
  stagesIncomplete: (stage: string) =>
    `Ein Lösungsbewertungs-Deal gilt erst als gewonnen, wenn alle Verkaufsphasen abgeschlossen sind; er steht bei „${stage}“. Schließe zuerst die Phasen unter „Deal bearbeiten“ ab.`,
  noChange: 'Nichts zu ändern: Der Deal sieht bereits so aus.',
  editConflict: (fields: string, by: string | undefined) =>
    `${by ?? 'Jemand'} hat ${fields} geändert, während du bearbeitet hast, daher wurde nichts gespeichert. Die Karte zeigt den Deal, wie er jetzt ist: Bearbeite ihn erneut, um ihn zu ändern.`,
  upgradeNotAllowed: 'Der Typ dieses Deals lässt diese Änderung nicht mehr zu; die Karte zeigt, was er jetzt ist.',
  alreadyDecided: (stage: string, by: string) =>
    `${by} hat diese Empfehlung bereits auf „${stage}“ gesetzt; die Karte zeigt den aktuellen Stand.`,
  notAllowed: (stage: string) =>
    `Diese Empfehlung hat den Status „${stage}“, daher ist diese Aktion nicht mehr möglich; die Karte zeigt den aktuellen Stand.`,
  notFound: 'Diese Empfehlung ist Referral Desk nicht mehr bekannt.',
  fixInput: (problems: string) => `Bitte korrigiere: ${problems}`,
  busy: 'Gerade ändert jemand anderes diese Empfehlung. Bitte versuche es erneut.',
  stillWorking: 'Referral Desk bearbeitet diesen Klick noch. Bitte sieh dir die Karte gleich noch einmal an.',
  alreadyDone: 'Erledigt: Referral Desk hat diesen Klick bereits ausgeführt.',
  failed: 'Bei uns ist etwas schiefgelaufen, und es wurde nichts geändert. Bitte versuche es gleich noch einmal.',
  unknownAction:
    'Unbekannte Aktion: Was diese Schaltfläche verlangt, bietet Referral Desk nicht an, daher wurde nichts geändert.',
};
