import template from './templates/settings.json';
import type { Choice } from './referralCard';
import { CardTemplate, type AdaptiveCard } from './render';
import { VERBS } from './verbs';

/** One input of a section: its label, what it holds now, and what the client says when it is left wrong. */
export interface SettingsField {
  label: string;
  value: string;
  error: string;
}

/** Time zone, start and end of the working day, and working days; each line worded. */
export interface WorkingHoursSection {
  heading: string;
  timeZone: SettingsField & {
    placeholder: string;
    /** Where the zone came from: the user's Teams client, their own choice, or the desk's default. */
    source: string;
    choices: Choice[];
  };
  /** "HH:mm". */
  start: SettingsField;
  /** "HH:mm". */
  end: SettingsField;
  /** `value`: the chosen ISO weekdays, comma-separated ("1,2,3,4,5"), as a multi-select sends them. */
  days: SettingsField & { choices: Choice[] };
  /** Whether the hours are the user's own or the desk's default. */
  source: string;
}

/** Which direct messages the user gets: `value` lists those on, comma-separated, as a multi-select sends them. */
export interface MessagesSection {
  heading: string;
  label: string;
  value: string;
  choices: Choice[];
  /** What comes whatever is chosen. */
  note: string;
}

/**
 * The settings card. Each section is its own object, shown by its own block of the
 * template, so a new section (language, direct messages, digest) is one more property
 * and one more block, and the existing ones stay as they are.
 */
export interface SettingsCardData {
  /** Whose settings these are (actor id): a Save by anyone else keeps nothing. */
  userId: string;
  title: string;
  intro: string;
  /** A short line on top, e.g. that the values were saved; empty shows none. */
  notice: string;
  workingHours: WorkingHoursSection;
  messages: MessagesSection;
  saveTitle: string;
}

/** The sections the card shows, as its Save button names them: a Save keeps only what its card showed. */
export const SETTINGS_SECTIONS = ['workingHours', 'messages'] as const;

const settingsTemplate = new CardTemplate<SettingsCardData & { saveVerb: string; sections: string }>(template);

/** The answer to `settings`, and to its Save button. */
export function renderSettingsCard(data: SettingsCardData): AdaptiveCard {
  return settingsTemplate.render({ ...data, saveVerb: VERBS.saveSettings, sections: SETTINGS_SECTIONS.join(',') });
}
