import template from './templates/settings.json';
import type { Choice } from './elements';
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
    /** The button that offers every zone when `choices` holds only the likely ones; empty hides it. */
    allZonesTitle: string;
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
  /** The kinds offered, comma-separated: a Save turns off only among these, and keeps the others as they are. */
  kinds: string;
  choices: Choice[];
  /** What comes whatever is chosen. */
  note: string;
}

/** The language the bot speaks with the user: `value` is its code. */
export interface LanguageSection extends SettingsField {
  choices: Choice[];
  /** Whether it was chosen, or comes from the user's Teams client or the desk. */
  source: string;
}

/** When a manager's weekly digest comes: a day of the week and a local time. */
export interface DigestSection {
  heading: string;
  /** `value`: an ISO weekday, "1" (Monday) … "7". */
  day: SettingsField & { choices: Choice[] };
  /** "HH:mm". */
  time: SettingsField;
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
  /** Only while the bot speaks more than one language. */
  language?: LanguageSection;
  /** Only for someone who gets a digest (a manager, an admin). */
  digest?: DigestSection;
  saveTitle: string;
}

/** A section the card may show; its Save button names those it showed, so a Save keeps only what its card showed. */
export type SettingsSection = 'workingHours' | 'messages' | 'language' | 'digest';

const settingsTemplate = new CardTemplate<
  SettingsCardData & { saveVerb: string; allZonesVerb: string; sections: string }
>(template);

/** The answer to `settings`, and to its Save button. */
export function renderSettingsCard(data: SettingsCardData): AdaptiveCard {
  const sections: SettingsSection[] = [
    'workingHours',
    'messages',
    ...(data.language ? (['language'] as const) : []),
    ...(data.digest ? (['digest'] as const) : []),
  ];
  return settingsTemplate.render({
    ...data,
    saveVerb: VERBS.saveSettings,
    allZonesVerb: VERBS.settingsAllZones,
    sections: sections.join(','),
  });
}
