// Splits Bicep source into tokens: names, strings with their interpolations, numbers, punctuation and line breaks.

/** What a token is. */
export type TokenType = 'identifier' | 'string' | 'number' | 'punctuation' | 'newline' | 'end';

/** One token of Bicep source, with the line it is on. */
export interface Token {
  type: TokenType;
  text: string;
  line: number;
  /** The inner text of each `${…}` of a string. */
  interpolations?: string[];
  /** The literal pieces of a string around its interpolations. */
  segments?: string[];
}

// Longest first, so that `=>` is not read as `=` then `>`.
const PUNCTUATION = '=> == != <= >= && || ?? .? :: =~ !~ { } [ ] ( ) , : . ? = < > ! + - * / % @'.split(' ');

/** Splits Bicep source into tokens; `#` directives and comments are dropped, newlines kept. */
export function tokenize(source: string, where: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const fail = (message: string): never => {
    throw new Error(`${where}:${line}: ${message}`);
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\n') {
      tokens.push({ type: 'newline', text: '\n', line });
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
    } else if (source.startsWith('//', i)) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated comment');
      for (const c of source.slice(i, end)) if (c === '\n') line++;
      i = end + 2;
    } else if (ch === '#' && (tokens.length === 0 || tokens[tokens.length - 1].type === 'newline')) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      if (end < 0) fail('unterminated multi-line string');
      const text = source.slice(i + 3, end);
      tokens.push({ type: 'string', text, line, interpolations: [], segments: [text] });
      for (const c of text) if (c === '\n') line++;
      i = end + 3;
    } else if (ch === "'") {
      const { text, interpolations, segments, end } = readString(source, i + 1, fail);
      tokens.push({ type: 'string', text, line, interpolations, segments });
      i = end;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'identifier', text: match[0], line });
      i += match[0].length;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'number', text: match[0], line });
      i += match[0].length;
    } else {
      const punctuation = PUNCTUATION.find((p) => source.startsWith(p, i));
      if (!punctuation) fail(`unexpected character ${JSON.stringify(ch)}`);
      tokens.push({ type: 'punctuation', text: punctuation as string, line });
      i += (punctuation as string).length;
    }
  }
  tokens.push({ type: 'end', text: '', line });
  return tokens;
}

/** Reads a '…' string from just after its opening quote. */
function readString(source: string, start: number, fail: (message: string) => never) {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
  let text = '';
  const interpolations: string[] = [];
  const segments = [''];
  let i = start;
  for (;;) {
    if (i >= source.length || source[i] === '\n') fail('unterminated string');
    const ch = source[i];
    if (ch === "'") return { text, interpolations, segments, end: i + 1 };
    if (ch === '\\') {
      const escaped = escapes[source[i + 1]];
      if (escaped === undefined) fail(`unknown escape \\${source[i + 1]}`);
      text += escaped;
      segments[segments.length - 1] += escaped;
      i += 2;
    } else if (source.startsWith('${', i)) {
      const end = interpolationEnd(source, i + 2, fail);
      const inner = source.slice(i + 2, end);
      interpolations.push(inner);
      segments.push('');
      text += `\${${inner}}`;
      i = end + 1;
    } else {
      text += ch;
      segments[segments.length - 1] += ch;
      i++;
    }
  }
}

/** The index of the `}` closing an interpolation, past nested braces and strings. */
function interpolationEnd(source: string, start: number, fail: (message: string) => never): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === "'") {
      i = readString(source, i + 1, fail).end - 1;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return fail('unterminated interpolation');
}
