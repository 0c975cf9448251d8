/**
 * The part of OData's `$filter` language the Referrals API is queried with: comparisons
 * (`eq ne gt ge lt le`) of one field with one literal, joined by `and`/`or` (and binds
 * tighter) and grouped by parentheses. Strings are in single quotes (`''` is a quote);
 * dates and times are written bare (`2026-11-23T09:00:00Z`) or quoted.
 */
import { DateTime } from 'luxon';
import { QUALIFICATIONS, REFERRAL_TYPES, STATUSES, SUBSTATUSES } from '../../bot/domain/referral';

/** Fields a referral list can be filtered by, and the values the enumerated ones take. */
export const FILTER_FIELDS = {
  status: STATUSES,
  substatus: SUBSTATUSES,
  direction: ['Incoming', 'Outgoing'],
  type: REFERRAL_TYPES,
  qualification: QUALIFICATIONS,
  id: undefined,
  createdDateTime: 'datetime',
  updatedDateTime: 'datetime',
} as const;

/** A field a filter may name. */
export type FilterField = keyof typeof FILTER_FIELDS;

/** The comparisons of the language; `and`/`or` join them. */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** A literal after type checking: text, or an instant in epoch milliseconds. */
export type FilterLiteral = { type: 'string'; value: string } | { type: 'datetime'; value: number };

/** A parsed `$filter`. */
export type FilterExpression =
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | { kind: 'compare'; field: FilterField; operator: ComparisonOperator; literal: FilterLiteral };

/** A `$filter` that is not in the language; `position` is 1-based, as a reader counts. */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

type Token =
  | { kind: '(' | ')' | 'end'; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'datetime'; text: string; at: number };

const DATETIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const DATETIME_EXAMPLE = '2026-11-23T09:00:00Z';

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char, at: i + 1 });
      i++;
    } else if (char === "'") {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length)
          throw new FilterSyntaxError(`the string starting at position ${start + 1} has no closing quote`, start + 1);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', value, at: start + 1 });
    } else if (/\d/.test(char)) {
      DATETIME.lastIndex = i;
      const match = DATETIME.exec(text);
      const end = match ? DATETIME.lastIndex : i;
      if (!match || /[A-Za-z0-9_.:]/.test(text[end] ?? '')) {
        const word = /[^\s()]+/y;
        word.lastIndex = i;
        throw new FilterSyntaxError(
          `"${word.exec(text)![0]}" at position ${i + 1} is no literal this filter knows; write a date and time like ${DATETIME_EXAMPLE} or a string in single quotes`,
          i + 1,
        );
      }
      tokens.push({ kind: 'datetime', text: match[0], at: i + 1 });
      i = end;
    } else if (/[A-Za-z_]/.test(char)) {
      WORD.lastIndex = i;
      const word = WORD.exec(text)![0];
      tokens.push({ kind: 'word', text: word, at: i + 1 });
      i += word.length;
    } else {
      throw new FilterSyntaxError(`unexpected "${char}" at position ${i + 1}`, i + 1);
    }
  }
  tokens.push({ kind: 'end', at: text.length + 1 });
  return tokens;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'word':
      return `"${token.text}" at position ${token.at}`;
    case 'string':
      return `the string '${token.value}' at position ${token.at}`;
    case 'datetime':
      return `${token.text} at position ${token.at}`;
    default:
      return `"${token.kind}" at position ${token.at}`;
  }
}

function instantOf(text: string): number | undefined {
  const instant = DateTime.fromISO(text, { zone: 'utc', setZone: false });
  return instant.isValid ? instant.toMillis() : undefined;
}

/** Parses a `$filter` value; throws FilterSyntaxError saying what is wrong and where. */
export function parseFilter(text: string): FilterExpression {
  if (text.trim() === '') throw new FilterSyntaxError('the filter is empty', 1);
  const tokens = tokenize(text);
  let next = 0;
  const peek = () => tokens[next];
  const isWord = (token: Token, word: string): boolean => token.kind === 'word' && token.text === word;

  const parseOr = (): FilterExpression => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      next++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterExpression => {
    let left = parsePrimary();
    while (isWord(peek(), 'and')) {
      next++;
      left = { kind: 'and', left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (): FilterExpression => {
    const token = tokens[next++];
    if (token.kind === '(') {
      const inner = parseOr();
      const close = tokens[next++];
      if (close.kind !== ')')
        throw new FilterSyntaxError(
          `expected ")" to close the "(" at position ${token.at}, found ${describe(close)}`,
          close.at,
        );
      return inner;
    }
    if (token.kind !== 'word') throw new FilterSyntaxError(`expected a field name, found ${describe(token)}`, token.at);
    if (token.text === 'not')
      throw new FilterSyntaxError(`"not" (position ${token.at}) is not supported; use ne`, token.at);
    if (!Object.hasOwn(FILTER_FIELDS, token.text)) {
      throw new FilterSyntaxError(
        `unknown field "${token.text}" at position ${token.at}; the filterable fields are ${Object.keys(FILTER_FIELDS).join(', ')}`,
        token.at,
      );
    }
    const field = token.text as FilterField;
    const operatorToken = tokens[next++];
    if (operatorToken.kind !== 'word' || !(COMPARISON_OPERATORS as readonly string[]).includes(operatorToken.text)) {
      throw new FilterSyntaxError(
        `expected a comparison (${COMPARISON_OPERATORS.join(', ')}) after ${field}, found ${describe(operatorToken)}`,
        operatorToken.at,
      );
    }
    const operator = operatorToken.text as ComparisonOperator;
    return { kind: 'compare', field, operator, literal: literalFor(field, tokens[next++]) };
  };

  const expression = parseOr();
  if (peek().kind !== 'end') {
    const token = peek();
    throw new FilterSyntaxError(`expected "and", "or" or the end of the filter, found ${describe(token)}`, token.at);
  }
  return expression;
}

function literalFor(field: FilterField, token: Token): FilterLiteral {
  const kind = FILTER_FIELDS[field];
  if (kind === 'datetime') {
    const text = token.kind === 'datetime' ? token.text : token.kind === 'string' ? token.value : undefined;
    const instant = text === undefined ? undefined : instantOf(text);
    if (instant === undefined) {
      const found = text === undefined ? describe(token) : `"${text}" at position ${token.at}`;
      throw new FilterSyntaxError(
        `${field} must be compared with a date and time such as ${DATETIME_EXAMPLE}, found ${found}`,
        token.at,
      );
    }
    return { type: 'datetime', value: instant };
  }
  if (token.kind !== 'string')
    throw new FilterSyntaxError(
      `${field} must be compared with a string in single quotes, found ${describe(token)}`,
      token.at,
    );
  if (kind && !(kind as readonly string[]).includes(token.value)) {
    throw new FilterSyntaxError(
      `${field} is never '${token.value}' (position ${token.at}); it is one of ${kind.join(', ')}`,
      token.at,
    );
  }
  return { type: 'string', value: token.value };
}
