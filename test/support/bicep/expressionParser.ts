// Parses Bicep expressions: literals, strings, objects, arrays, loops, calls, lambdas and operators.
import type { BicepExpr, BicepProperty } from './syntax';
import { TokenCursor } from './tokenCursor';
import { tokenize, type Token } from './tokenizer';

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

/** Turns tokens into expressions. */
export class ExpressionParser extends TokenCursor {
  /** One expression that takes up every token: the inside of a string's interpolation. */
  expressionOnly(): BicepExpr {
    const expression = this.expression();
    this.skipNewlines();
    if (this.peek().type !== 'end') this.fail(`unexpected ${this.describe(this.peek())}`);
    return expression;
  }

  protected expression(): BicepExpr {
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

  protected postfix(): BicepExpr {
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

  protected parenthesized(): BicepExpr {
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
      new ExpressionParser(tokenize(inner, this.where), this.where).expressionOnly(),
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
}
