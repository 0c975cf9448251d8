// Parses a Bicep file into its declarations: decorators, then a param, var, func, resource, module or output.
import type { BicepDecorator, BicepExpr, BicepFile, BicepStatement } from './syntax';
import { ExpressionParser } from './expressionParser';
import { tokenize } from './tokenizer';

/** Turns tokens into statements and expressions. */
class Parser extends ExpressionParser {
  file(): BicepStatement[] {
    const statements: BicepStatement[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peek().type === 'end') return statements;
      statements.push(this.statement());
      this.endOfItem();
    }
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
}

/** Parses Bicep source; `where` names it in errors. */
export function parseBicep(source: string, where: string): BicepFile {
  return { path: where, statements: new Parser(tokenize(source, where), where).file() };
}
