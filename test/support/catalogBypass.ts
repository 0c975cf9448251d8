import { DateTime, Info } from 'luxon';
import defaultRegions from '../../bot/config/regions.default.json';
import { loadSolutions } from '../../bot/config/solutions';
import { COUNTRY_CODES, countryName } from '../../bot/domain/countries';
import { TIME_ZONES } from '../../bot/domain/userSettings';
import { CATALOGS } from '../../bot/strings/catalogs';
import { en } from '../../bot/strings/en';
import { MACHINE_READABLE } from '../../bot/strings/pseudo/pseudoText';
import { COMMANDS } from '../../bot/teams/commands';
import { codeAsWords, currencyChoices } from '../../bot/teams/views/format';
import { WELCOME_COMMANDS } from '../../bot/teams/views/personalWelcomeCardView';
import { zoneName } from '../../bot/teams/views/zoneNames';
import { literal } from '../../cards/literal';

/** A text a user sees, and where: the card and the path inside it. */
export interface Shown {
  where: string;
  text: string;
}

/** The properties of a card element whose text a user reads or hears. */
const VISIBLE = new Set([
  'text',
  'title',
  'label',
  'placeholder',
  'errorMessage',
  'altText',
  'fallbackText',
  'speak',
  'tooltip',
  'legend',
]);

/**
 * Every text of an Adaptive Card a user sees: TextBlocks and TextRuns, facts, inputs' labels,
 * placeholders, error messages and toggles' titles, a text input's value, choices, actions'
 * titles and tooltips, images' alt text, fallback text, speech, charts' titles, legends and
 * axis labels. What an action sends back (`data`, `verb`) and choices' values are not shown.
 */
export function shownTexts(card: unknown, where: string): Shown[] {
  const found: Shown[] = [];
  const walk = (node: unknown, path: string, type: string, inChart: boolean) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`, type, inChart));
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    const own = typeof element.type === 'string' ? element.type : type;
    for (const [key, value] of Object.entries(element)) {
      const at = `${path}.${key}`;
      if (typeof value === 'string') {
        const isShown =
          VISIBLE.has(key) ||
          (key === 'value' && (own === 'Input.Text' || path.includes('.facts['))) ||
          (key === 'x' && inChart);
        if (isShown) found.push({ where: `${where} ${at}`, text: value });
      } else if (!(key === 'data' && own.startsWith('Action.'))) {
        walk(value, at, own, inChart || own.startsWith('Chart.'));
      }
    }
  };
  walk(card, '', '', false);
  return found;
}

/** Keys of records whose values are codes the desk translates, never text to show as it is. */
const CODE_KEYS = new Set([
  'status',
  'substatus',
  'type',
  'qualification',
  'direction',
  'size',
  'assistanceRequestCode',
  'salesStage',
  'action',
  'flow',
  'stage',
  'field',
  'kind',
  'country',
]);

/** Changes of these fields hold codes: a history entry shows them in the reader's words. */
const CODE_FIELDS = new Set(['status', 'salesStage', 'visibleToMicrosoft', 'type']);

/**
 * The free text of fixture records, as the bot may show it: each value whose key is not a
 * code, escaped as card text escapes it, and each person's first and last name together.
 */
export function dataOf(...records: unknown[]): string[] {
  const values: string[] = [];
  const walk = (node: unknown, key: string) => {
    if (typeof node === 'string') {
      if (!CODE_KEYS.has(key)) values.push(node, literal(node));
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.firstName === 'string' && typeof record.lastName === 'string')
        values.push(`${record.firstName} ${record.lastName}`);
      const codes = typeof record.field === 'string' && CODE_FIELDS.has(record.field);
      for (const [inner, value] of Object.entries(record)) walk(value, codes ? 'field' : inner);
    }
  };
  records.forEach((record) => walk(record, ''));
  return values;
}

/**
 * What the desk shows as configured or as the runtime names it, in any language: regions,
 * solutions, countries (Intl), currency codes, and each language's own name.
 */
export function configuredData(): string[] {
  return [
    ...defaultRegions.regions.flatMap((region) => [region.name, region.code]),
    ...loadSolutions('').map((solution) => solution.name),
    ...COUNTRY_CODES.map((code) => countryName(code, en.format.locale)),
    ...currencyChoices(undefined).map((choice) => choice.title),
    ...Object.values(CATALOGS).map((catalog) => catalog.name),
    // Commands are typed in English whatever the language (the welcome card names them).
    ...Object.keys(COMMANDS),
    ...WELCOME_COMMANDS,
  ];
}

/**
 * Data the desk words for itself, in any language: Partner Center's help-requested codes it has
 * no words for, spelled out as they came (`codeAsWords`); time zones by their IANA names, and
 * by the names the runtime (ICU) gives them in the catalog's locale.
 */
export const WORDED_DATA = {
  codes: (...records: unknown[]) => leavesOf(records).map(codeAsWords),
  timeZones: (locale: string) =>
    TIME_ZONES.flatMap((zone) => [zone.replace(/_/g, ' '), zoneName(zone, locale, DateTime.utc(2026, 12, 4))]),
};

/** Every text in `node`, however deeply nested. */
function leavesOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node && typeof node === 'object') return Object.values(node).flatMap(leavesOf);
  return [];
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A date as luxon writes it in English (the pseudo-locale formats with English's locale):
 * a day and a month's short name, after a weekday's short name or not.
 */
const ENGLISH_DATE = (() => {
  const { locale } = en.format;
  const months = Info.months('short', { locale }).join('|');
  const weekdays = Info.weekdays('short', { locale }).join('|');
  return new RegExp(`(?:\\b(?:${weekdays}) )?\\b\\d{1,2} (?:${months})\\b`, 'g');
})();

/**
 * Finds text that bypassed the catalogs in what a pseudo-locale reader is shown: any ASCII
 * letter left after taking out `data` (whole words only), what software reads (see
 * MACHINE_READABLE), code spans, dates and data cut short with an ellipsis.
 */
export class BypassCheck {
  private readonly kept: RegExp;
  private readonly values: readonly string[];

  constructor(data: Iterable<string>) {
    const values = [...new Set(data)].filter((value) => /[A-Za-z]/.test(value));
    values.sort((a, b) => b.length - a.length);
    this.values = values;
    // One pass, whichever starts first: a command ("digest off") holds words that are data
    // too, and data may hold what looks like a link or a card function.
    const whole = values.map((value) => `(?<![A-Za-z])${escaped(value)}(?![A-Za-z])`);
    this.kept = new RegExp([...whole, MACHINE_READABLE.source].join('|'), 'g');
  }

  /** `text` without what may stay as it is: what is left of it holds an ASCII letter only when text bypassed the catalogs. */
  leftOf(text: string): string {
    return text
      .replace(this.kept, '')
      .replace(ENGLISH_DATE, '')
      .replace(/[A-Za-z][^…\u27e6\u27e7]*…/g, (clipped) => (this.isClippedData(clipped) ? '' : clipped));
  }

  /** Each shown text with an ASCII letter left, as "where: text". */
  bypasses(shown: readonly Shown[]): string[] {
    return shown.filter(({ text }) => /[A-Za-z]/.test(this.leftOf(text))).map(({ where, text }) => `${where}: ${text}`);
  }

  /** Free text cut short to keep a card small: the start of a data value, 20 characters or more. */
  private isClippedData(clipped: string): boolean {
    const start = clipped.slice(0, -1);
    return start.length >= 20 && this.values.some((value) => value.startsWith(start));
  }
}
