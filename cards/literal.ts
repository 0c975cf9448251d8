/**
 * Markdown's punctuation that Teams acts on anywhere in a line: escapes, emphasis,
 * strike-through, links and images, code, HTML tags and autolinks (`<`).
 */
const INLINE_MARKUP = /[\\*_~`[\]()<]/g;
/** An ampersand that starts a character reference (`&lt;`, `&#60;`), which would show as the character it names. */
const CHARACTER_REFERENCE = /&(?=#?[A-Za-z0-9]+;)/g;
/** What starts a heading, a quote, a list item, a rule or a setext heading when it opens a line (after any indentation). */
const LINE_START_MARKUP = /^([ \t]*)([#>+=-])/gm;
/** A number opening a line reads as an ordered list's item when a dot follows it ("1."); `)` is escaped anyway. */
const LINE_START_NUMBER = /^([ \t]*\d+)\./gm;
/** The first of two braces: `{{DATE(…)}}` and `{{TIME(…)}}` are text functions Teams evaluates in a TextBlock. */
const DOUBLE_BRACE = /\{(?=\{)/g;
/** Shows nothing; between two braces it keeps them from opening a text function. */
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Text made to show exactly as written where Teams renders Markdown (a card's TextBlocks
 * and facts, messages): above all what a customer or user typed (a customer's or deal's
 * name, notes, a person's name, a search), but also a date like "4. Dez 2026".
 *
 * Markdown's punctuation gets a backslash, which CommonMark renderers drop when they show
 * the character: `\ * _ ~ \` [ ] ( ) <` and the `&` of a character reference anywhere,
 * `# > + = -` and a number's dot at the start of a line. A zero-width space goes between
 * two opening braces, so `{{DATE(…)}}` shows as typed instead of as a date (it is
 * invisible, where an escape would not be: TextBlocks look for the functions before
 * Markdown drops any backslash).
 *
 * Apply it exactly once, to a value where it enters a card's data or a sentence of the
 * catalogs, never to a whole sentence (the catalogs' own Markdown must still work): text
 * escaped twice shows its backslashes. Not for what is no Markdown: an input's value (a
 * form saved as shown would keep the backslashes), a choice's or button's title, ids,
 * action data and URLs. `${…}` needs nothing: templates bind data values as they are and
 * never evaluate them.
 */
export function literal(text: string): string {
  return text
    .replace(INLINE_MARKUP, '\\$&')
    .replace(CHARACTER_REFERENCE, '\\&')
    .replace(LINE_START_MARKUP, '$1\\$2')
    .replace(LINE_START_NUMBER, '$1\\.')
    .replace(DOUBLE_BRACE, `{${ZERO_WIDTH_SPACE}`);
}
