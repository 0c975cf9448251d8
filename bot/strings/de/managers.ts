/** Who manages which region, as admins see and change it, in German. */
import type { Strings } from '../en';

export const managers: Strings['managers'] = {
  adminsOnly: 'Nur Admins (DESK_ADMINS) sehen und ändern, wer welche Region verwaltet.',
  usage:
    'Sende „managers add name@example.com emea“ oder „managers remove name@example.com emea“ (eine E-Mail-Adresse, ein Benutzerprinzipalname oder eine AAD-Objekt-ID, und eine Region), oder „managers“ für die Liste.',
  unknownRegion: (given: string, valid: string) => `Die Region „${given}“ kenne ich nicht. Regionen: ${valid}.`,
  unknownUser: (who: string) =>
    `Ich habe niemanden als „${who}“ im Team gefunden. Verwende die E-Mail-Adresse, den Benutzerprinzipalnamen oder die AAD-Objekt-ID der Person, in einem Kanal eines Teams, in dem sie Mitglied ist.`,
  added: (name: string, region: string) =>
    `Erledigt: ${name} verwaltet jetzt ${region}, kann also „digest now“ für die Wochenübersicht der Region senden, erfährt von ihren Empfehlungen, die unbeantwortet abzulaufen drohen, und kann ihre Deals übergeben.`,
  alreadyManager: (name: string, region: string) =>
    `${name} verwaltet ${region} bereits, daher hat sich nichts geändert.`,
  removed: (name: string, region: string) => `Erledigt: ${name} verwaltet ${region} nicht mehr.`,
  fromRegionsFile: (name: string, region: string) =>
    `${name} verwaltet ${region} über die Regionsdatei (REGIONS_FILE): Ändere es dort.`,
  notManager: (who: string, region: string) => `${who} verwaltet ${region} nicht, daher hat sich nichts geändert.`,
  listTitle: '**Manager der Regionen**',
  listLine: (region: string, people: string) => `- **${region}**: ${people}`,
  nobody: 'noch niemand',
  granted: (name: string, by: string, date: string) => `${name} (hinzugefügt von ${by} am ${date})`,
  configured: (name: string) => `${name} (Regionsdatei)`,
  admins: (people: string) => `Admins verwalten alle Regionen: ${people}.`,
};
