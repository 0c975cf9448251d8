/**
 * Reads Bicep files into a small syntax tree, so that the deployment tests can check what the
 * infrastructure writes without a Bicep compiler. It covers the language the project's
 * templates use: parameters, variables, functions, resources, modules, outputs, decorators,
 * objects, arrays, loops, strings with interpolation, calls, lambdas and operators. Anything
 * else is an error naming the file and line, so a template the reader misreads fails loudly.
 */

/** A Bicep expression. */
export type BicepExpr =
  | { kind: 'object'; props: BicepProperty[] }
  | { kind: 'array'; items: BicepExpr[] }
  | { kind: 'for'; variables: string[]; source: BicepExpr; condition?: BicepExpr; body: BicepExpr }
  /**
   * `value` is the text with escapes resolved and each interpolation kept as `${…}`;
   * `segments` are the literal pieces around the interpolated `parts` (one more than parts).
   */
  | { kind: 'string'; value: string; segments: string[]; parts: BicepExpr[] }
  | { kind: 'literal'; value: number | boolean | null }
  | { kind: 'identifier'; name: string }
  | { kind: 'call'; callee: BicepExpr; args: BicepExpr[] }
  | { kind: 'member'; object: BicepExpr; name: string }
  | { kind: 'index'; object: BicepExpr; index: BicepExpr }
  | { kind: 'lambda'; params: string[]; body: BicepExpr }
  | { kind: 'operator'; operator: string; operands: BicepExpr[] };

/** One `key: value` of an object; a quoted key with interpolation also has it as an expression. */
export interface BicepProperty {
  key: string;
  keyExpression?: BicepExpr;
  value: BicepExpr;
}

/** `@name(args)` before a declaration. */
export interface BicepDecorator {
  name: string;
  args: BicepExpr[];
}

/** A top-level declaration. */
export type BicepStatement = { decorators: BicepDecorator[]; line: number } & (
  | { kind: 'targetScope'; value: BicepExpr }
  | { kind: 'param'; name: string; type: string; defaultValue?: BicepExpr }
  | { kind: 'var'; name: string; value: BicepExpr }
  | { kind: 'func'; name: string; params: string[]; body: BicepExpr }
  | { kind: 'resource'; name: string; type: string; existing: boolean; condition?: BicepExpr; body: BicepExpr }
  | { kind: 'module'; name: string; path: string; condition?: BicepExpr; body: BicepExpr }
  | { kind: 'output'; name: string; type: string; value: BicepExpr }
);

/** A parsed Bicep file. */
export interface BicepFile {
  path: string;
  statements: BicepStatement[];
}

type TokenType = 'identifier' | 'string' | 'number' | 'punctuation' | 'newline' | 'end';

interface Token {
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

/** Binary operators, the loosest-binding first. */
const BINARY_LEVELS = [
  ['??'],
  ['||'],
  ['&&'],
  ['==', '!=', '=~', '!~'],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

/** Splits Bicep source into tokens; `#` directives and comments are dropped, newlines kept. */
function tokenize(source: string, where: string): Token[] {
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

/** Turns tokens into statements and expressions. */
class Parser {
  private position = 0;
  /** Inside parentheses newlines mean nothing; in objects, arrays and at the top they end an item. */
  private newlinesIgnored = [false];

  constructor(
    private readonly tokens: Token[],
    private readonly where: string,
  ) {}

  file(): BicepStatement[] {
    const statements: BicepStatement[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek().type === 'end') return statements;
      statements.push(this.statement());
      this.endOfItem();
    }
  }

  expressionOnly(): BicepExpr {
    const expression = this.expression();
    this.skipNewlines();
    if (this.peek().type !== 'end') this.fail(`unexpected ${this.describe(this.peek())}`);
    return expression;
  }

  private statement(): BicepStatement {
    const decorators: BicepDecorator[] = [];
    while (this.isPunctuation('@')) {
      this.next();
      const call = this.postfix();
      const callee = call.kind === 'call' ? call.callee : call;
      const name = callee.kind === 'member' ? callee.name : callee.kind === 'identifier' ? callee.name : '';
      if (!name) this.fail('a decorator must name a function');
      decorators.push({ name, args: call.kind === 'call' ? call.args : [] });
      this.skipNewlines();
    }
    const keyword = this.next();
    const line = keyword.line;
    if (keyword.type !== 'identifier') this.fail(`expected a declaration, not ${this.describe(keyword)}`);
    switch (keyword.text) {
      case 'targetScope':
        this.expect('=');
        return { kind: 'targetScope', value: this.expression(), decorators, line };
      case 'param': {
        const name = this.identifier();
        const type = this.typeText();
        const defaultValue = this.isPunctuation('=') ? (this.next(), this.expression()) : undefined;
        return { kind: 'param', name, type, defaultValue, decorators, line };
      }
      case 'var': {
        const name = this.identifier();
        this.expect('=');
        return { kind: 'var', name, value: this.expression(), decorators, line };
      }
      case 'func': {
        const name = this.identifier();
        this.expect('(');
        const params: string[] = [];
        while (!this.isPunctuation(')')) {
          params.push(this.identifier());
          this.typeText([',', ')']);
          if (this.isPunctuation(',')) this.next();
        }
        this.next();
        this.typeText(['=>']);
        this.expect('=>');
        return { kind: 'func', name, params, body: this.expression(), decorators, line };
      }
      case 'resource':
      case 'module': {
        const name = this.identifier();
        const target = this.next();
        if (target.type !== 'string') this.fail(`${keyword.text} ${name} needs a quoted type or path`);
        const existing = this.peek().type === 'identifier' && this.peek().text === 'existing';
        if (existing) this.next();
        this.expect('=');
        let condition: BicepExpr | undefined;
        if (this.peek().type === 'identifier' && this.peek().text === 'if') {
          this.next();
          condition = this.parenthesized();
        }
        const body = this.expression();
        if (keyword.text === 'module') {
          return { kind: 'module', name, path: target.text, condition, body, decorators, line };
        }
        return { kind: 'resource', name, type: target.text, existing, condition, body, decorators, line };
      }
      case 'output': {
        const name = this.identifier();
        const type = this.typeText();
        this.expect('=');
        return { kind: 'output', name, type, value: this.expression(), decorators, line };
      }
      default:
        return this.fail(`unsupported declaration ${keyword.text}`);
    }
  }

  /** The text of a type, up to `=` (or one of `stops`) or the end of the line. */
  private typeText(stops: string[] = ['=']): string {
    const parts: string[] = [];
    while (this.peek().type !== 'newline' && this.peek().type !== 'end' && !stops.some((s) => this.isPunctuation(s))) {
      const token = this.next();
      parts.push(token.type === 'string' ? `'${token.text}'` : token.text);
    }
    return parts.join('');
  }

  private expression(): BicepExpr {
    const lambda = this.lambda();
    if (lambda) return lambda;
    const condition = this.binary(0);
    if (!this.isPunctuation('?')) return condition;
    this.next();
    const whenTrue = this.expression();
    this.expect(':');
    const whenFalse = this.expression();
    return { kind: 'operator', operator: '?:', operands: [condition, whenTrue, whenFalse] };
  }

  /** `x => body` or `(x, y) => body`, when the tokens ahead are one. */
  private lambda(): BicepExpr | undefined {
    const start = this.position;
    const params: string[] = [];
    if (this.peek().type === 'identifier') {
      params.push(this.next().text);
    } else if (this.isPunctuation('(')) {
      this.next();
      while (this.peek().type === 'identifier') {
        params.push(this.next().text);
        if (!this.isPunctuation(',')) break;
        this.next();
      }
      if (!this.isPunctuation(')')) {
        this.position = start;
        return undefined;
      }
      this.next();
    }
    if (params.length === 0 && this.position === start) return undefined;
    if (!this.isPunctuation('=>')) {
      this.position = start;
      return undefined;
    }
    this.next();
    return { kind: 'lambda', params, body: this.expression() };
  }

  private binary(level: number): BicepExpr {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    while (this.peek().type === 'punctuation' && BINARY_LEVELS[level].includes(this.peek().text)) {
      const operator = this.next().text;
      left = { kind: 'operator', operator, operands: [left, this.binary(level + 1)] };
    }
    return left;
  }

  private unary(): BicepExpr {
    if (this.isPunctuation('!') || this.isPunctuation('-')) {
      const operator = this.next().text;
      return { kind: 'operator', operator, operands: [this.unary()] };
    }
    return this.postfix();
  }

  private postfix(): BicepExpr {
    let expression = this.primary();
    for (;;) {
      if (this.isPunctuation('.') || this.isPunctuation('.?') || this.isPunctuation('::')) {
        this.next();
        expression = { kind: 'member', object: expression, name: this.identifier() };
      } else if (this.isPunctuation('[')) {
        this.next();
        if (this.isPunctuation('?')) this.next();
        this.newlinesIgnored.push(true);
        const index = this.expression();
        this.expect(']');
        this.newlinesIgnored.pop();
        expression = { kind: 'index', object: expression, index };
      } else if (this.isPunctuation('(')) {
        expression = { kind: 'call', callee: expression, args: this.argumentList() };
      } else if (this.isPunctuation('!')) {
        this.next();
      } else {
        return expression;
      }
    }
  }

  private argumentList(): BicepExpr[] {
    this.expect('(');
    this.newlinesIgnored.push(true);
    const args: BicepExpr[] = [];
    while (!this.isPunctuation(')')) {
      args.push(this.expression());
      if (!this.isPunctuation(',')) break;
      this.next();
    }
    this.expect(')');
    this.newlinesIgnored.pop();
    return args;
  }

  private parenthesized(): BicepExpr {
    this.expect('(');
    this.newlinesIgnored.push(true);
    const inner = this.expression();
    this.expect(')');
    this.newlinesIgnored.pop();
    return inner;
  }

  private primary(): BicepExpr {
    const token = this.peek();
    if (token.type === 'string') {
      this.next();
      return this.stringExpression(token);
    }
    if (token.type === 'number') {
      this.next();
      return { kind: 'literal', value: Number(token.text) };
    }
    if (token.type === 'identifier') {
      this.next();
      if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true' };
      if (token.text === 'null') return { kind: 'literal', value: null };
      return { kind: 'identifier', name: token.text };
    }
    if (this.isPunctuation('(')) return this.parenthesized();
    if (this.isPunctuation('{')) return this.object();
    if (this.isPunctuation('[')) return this.array();
    return this.fail(`unexpected ${this.describe(token)}`);
  }

  private stringExpression(token: Token): BicepExpr {
    const parts = (token.interpolations ?? []).map((inner) =>
      new Parser(tokenize(inner, this.where), this.where).expressionOnly(),
    );
    return { kind: 'string', value: token.text, segments: token.segments ?? [token.text], parts };
  }

  private object(): BicepExpr {
    this.expect('{');
    this.newlinesIgnored.push(false);
    const props: BicepProperty[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.isPunctuation('}')) break;
      const key = this.next();
      if (key.type !== 'identifier' && key.type !== 'string') {
        this.fail(`expected a property name, not ${this.describe(key)}`);
      }
      this.expect(':');
      const keyExpression = key.interpolations?.length ? this.stringExpression(key) : undefined;
      props.push({ key: key.text, keyExpression, value: this.expression() });
      this.endOfItem('}');
    }
    this.newlinesIgnored.pop();
    this.expect('}');
    return { kind: 'object', props };
  }

  private array(): BicepExpr {
    this.expect('[');
    this.newlinesIgnored.push(false);
    let result: BicepExpr;
    if (this.peek().type === 'identifier' && this.peek().text === 'for') {
      this.next();
      const variables: string[] = [];
      if (this.isPunctuation('(')) {
        this.next();
        variables.push(this.identifier());
        while (this.isPunctuation(',')) {
          this.next();
          variables.push(this.identifier());
        }
        this.expect(')');
      } else {
        variables.push(this.identifier());
      }
      if (this.identifier() !== 'in') this.fail('expected in');
      const source = this.expression();
      this.expect(':');
      let condition: BicepExpr | undefined;
      if (this.peek().type === 'identifier' && this.peek().text === 'if' && this.peekAt(1).text === '(') {
        this.next();
        condition = this.parenthesized();
      }
      const body = this.expression();
      this.skipSeparators();
      result = { kind: 'for', variables, source, condition, body };
    } else {
      const items: BicepExpr[] = [];
      for (;;) {
        this.skipSeparators();
        if (this.isPunctuation(']')) break;
        items.push(this.expression());
        this.endOfItem(']');
      }
      result = { kind: 'array', items };
    }
    this.newlinesIgnored.pop();
    this.expect(']');
    return result;
  }

  /** After an item: a newline, a comma, or the closing bracket. */
  private endOfItem(closing?: string): void {
    const token = this.tokens[this.position];
    if (token.type === 'newline' || token.type === 'end') return;
    if (token.type === 'punctuation' && (token.text === ',' || token.text === closing)) return;
    this.fail(`expected the end of the line, not ${this.describe(token)}`);
  }

  private skipSeparators(): void {
    while (this.tokens[this.position].type === 'newline' || this.tokens[this.position].text === ',') this.position++;
  }

  private skipNewlines(): void {
    while (this.tokens[this.position].type === 'newline') this.position++;
  }

  private peek(): Token {
    return this.peekAt(0);
  }

  private peekAt(offset: number): Token {
    let index = this.position;
    const ignore = this.newlinesIgnored[this.newlinesIgnored.length - 1];
    for (let seen = 0; ; index++) {
      if (ignore && this.tokens[index].type === 'newline') continue;
      if (seen === offset || this.tokens[index].type === 'end') return this.tokens[index];
      seen++;
    }
  }

  private next(): Token {
    const token = this.peek();
    this.position = this.tokens.indexOf(token, this.position) + (token.type === 'end' ? 0 : 1);
    return token;
  }

  private isPunctuation(text: string): boolean {
    const token = this.peek();
    return token.type === 'punctuation' && token.text === text;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.type !== 'punctuation' || token.text !== text) {
      this.fail(`expected ${text}, not ${this.describe(token)}`, token);
    }
  }

  private identifier(): string {
    const token = this.next();
    if (token.type !== 'identifier') this.fail(`expected a name, not ${this.describe(token)}`, token);
    return token.text;
  }

  private describe(token: Token): string {
    return token.type === 'end' ? 'the end of the file' : token.type === 'newline' ? 'a line break' : `"${token.text}"`;
  }

  private fail(message: string, token: Token = this.tokens[this.position]): never {
    throw new Error(`${this.where}:${token.line}: ${message}`);
  }
}

/** Parses Bicep source; `where` names it in errors. */
export function parseBicep(source: string, where: string): BicepFile {
  return { path: where, statements: new Parser(tokenize(source, where), where).file() };
}

/** The declaration of a kind with a name; throws naming the file when there is none. */
export function declaration<K extends BicepStatement['kind']>(
  file: BicepFile,
  kind: K,
  name: string,
): Extract<BicepStatement, { kind: K }> {
  const found = file.statements.find((s) => s.kind === kind && 'name' in s && s.name === name);
  if (!found) throw new Error(`${file.path} declares no ${kind} ${name}`);
  return found as Extract<BicepStatement, { kind: K }>;
}

/** Every declaration of a kind. */
export function declarations<K extends BicepStatement['kind']>(
  file: BicepFile,
  kind: K,
): Extract<BicepStatement, { kind: K }>[] {
  return file.statements.filter((s) => s.kind === kind) as Extract<BicepStatement, { kind: K }>[];
}

/** The value at a dotted path of object properties (`properties.configuration.secrets`). */
export function propertyAt(expression: BicepExpr, path: string): BicepExpr | undefined {
  let current: BicepExpr | undefined = expression;
  for (const key of path.split('.')) {
    if (current?.kind !== 'object') return undefined;
    current = current.props.find((p) => p.key === key)?.value;
  }
  return current;
}

/** Every sub-expression of an expression, itself included, depth first. */
export function* walk(expression: BicepExpr): Generator<BicepExpr> {
  yield expression;
  switch (expression.kind) {
    case 'object':
      for (const p of expression.props) yield* walk(p.value);
      break;
    case 'array':
      for (const item of expression.items) yield* walk(item);
      break;
    case 'for':
      yield* walk(expression.source);
      if (expression.condition) yield* walk(expression.condition);
      yield* walk(expression.body);
      break;
    case 'string':
      for (const part of expression.parts) yield* walk(part);
      break;
    case 'call':
      yield* walk(expression.callee);
      for (const arg of expression.args) yield* walk(arg);
      break;
    case 'member':
      yield* walk(expression.object);
      break;
    case 'index':
      yield* walk(expression.object);
      yield* walk(expression.index);
      break;
    case 'lambda':
      yield* walk(expression.body);
      break;
    case 'operator':
      for (const operand of expression.operands) yield* walk(operand);
      break;
    default:
      break;
  }
}

/** The names an expression reads (not property names, nor its own lambda or loop variables). */
export function referencedNames(expression: BicepExpr, bound: ReadonlySet<string> = new Set()): string[] {
  switch (expression.kind) {
    case 'identifier':
      return bound.has(expression.name) ? [] : [expression.name];
    case 'lambda':
      return referencedNames(expression.body, new Set([...bound, ...expression.params]));
    case 'for': {
      const inner = new Set([...bound, ...expression.variables]);
      return [
        ...referencedNames(expression.source, bound),
        ...(expression.condition ? referencedNames(expression.condition, inner) : []),
        ...referencedNames(expression.body, inner),
      ];
    }
    case 'call':
      // A plain function name is not a symbol; a method's object is.
      return [
        ...(expression.callee.kind === 'identifier' ? [] : referencedNames(expression.callee, bound)),
        ...expression.args.flatMap((a) => referencedNames(a, bound)),
      ];
    case 'object':
      return expression.props.flatMap((p) => referencedNames(p.value, bound));
    case 'array':
      return expression.items.flatMap((i) => referencedNames(i, bound));
    case 'string':
      return expression.parts.flatMap((p) => referencedNames(p, bound));
    case 'member':
      return referencedNames(expression.object, bound);
    case 'index':
      return [...referencedNames(expression.object, bound), ...referencedNames(expression.index, bound)];
    case 'operator':
      return expression.operands.flatMap((o) => referencedNames(o, bound));
    default:
      return [];
  }
}

/** The name of the function a call calls (`toLower`, `az.resourceGroup` → `resourceGroup`), if it is a plain one. */
export function calledFunction(expression: BicepExpr): string | undefined {
  if (expression.kind !== 'call') return undefined;
  const { callee } = expression;
  if (callee.kind === 'identifier') return callee.name;
  if (callee.kind === 'member' && callee.object.kind === 'identifier' && ['az', 'sys'].includes(callee.object.name)) {
    return callee.name;
  }
  return undefined;
}

/** A literal's value as env.sample would write it, or undefined for anything computed. */
export function literalText(expression: BicepExpr | undefined): string | undefined {
  if (!expression) return undefined;
  if (expression.kind === 'string' && expression.parts.length === 0) return expression.value;
  if (expression.kind === 'literal' && expression.value !== null) return String(expression.value);
  return undefined;
}
