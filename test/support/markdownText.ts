/**
 * Teams renders Markdown in cards' TextBlocks and facts, and in messages. These helpers read
 * such text as a CommonMark renderer would, enough to tell text shown as typed from text
 * that would render as a link, emphasis, a list or a date.
 */

/** A backslash before ASCII punctuation: CommonMark shows the character, and it does nothing. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** What a reader sees of `text`: each escaped character as itself, zero-width spaces as nothing. */
export function asShown(text: string): string {
  return text.replace(ESCAPE, '$1').replaceAll('\u200B', '');
}

/** The date functions the desk writes itself (see `cardDateTime`): they are meant to act. */
const DESK_DATE_FUNCTIONS =
  /\{\{DATE\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, SHORT\)\}\}|\{\{TIME\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\}\}/g;

const MARKUP: [string, RegExp][] = [
  ['a link or an image', /\[[^\]]*\]\(/],
  ['strong emphasis', /\*\*|__/],
  ['emphasis', /(^|[^\w])[*_][^\s*_]/m],
  ['strike-through', /~~/],
  ['code', /`/],
  ['an HTML tag or autolink', /<[A-Za-z/!]/],
  ['a character reference', /&#?[A-Za-z0-9]+;/],
  ['a heading, quote or list at the start of a line', /^[ \t]*(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|\d+[.)](?:\s|$))/m],
  ['a text function', /\{\{/],
];

/**
 * What in `text` would render rather than show as typed: Markdown that no backslash
 * escapes, and `{{` other than the desk's own date functions. Empty for text shown as typed.
 */
export function unescapedMarkup(text: string): string[] {
  const masked = text.replace(DESK_DATE_FUNCTIONS, '').replace(ESCAPE, '\u0000');
  return MARKUP.filter(([, pattern]) => pattern.test(masked)).map(([what]) => `${what} in ${JSON.stringify(text)}`);
}

/** Every text of a card that Teams renders as Markdown: TextBlocks' text, facts' titles and values. */
export function markdownTextsOf(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
      if (element.type === 'FactSet' && Array.isArray(element.facts)) {
        for (const fact of element.facts as { title: string; value: string }[]) texts.push(fact.title, fact.value);
      }
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return texts;
}

/** The value each input of a card starts with, by the input's id (the last, when forms share an id). */
export function inputValuesOf(card: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      const input = typeof element.type === 'string' && element.type.startsWith('Input.');
      if (input && typeof element.id === 'string') values[element.id] = element.value;
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return values;
}
