// Walks a token list for the parser: looks ahead, takes tokens, and fails naming the file and line.
import type { Token } from './tokenizer';

/** The parser's place in a token list, and the newline rules of the brackets it is inside. */
export class TokenCursor {
  protected position = 0;
  /** Inside parentheses newlines mean nothing; in objects, arrays and at the top they end an item. */
  protected newlinesIgnored = [false];

  constructor(
    protected readonly tokens: Token[],
    protected readonly where: string,
  ) {}

  /** After an item: a newline, a comma, or the closing bracket. */
  protected endOfItem(closing?: string): void {
    const token = this.tokens[this.position];
    if (token.type === 'newline' || token.type === 'end') return;
    if (token.type === 'punctuation' && (token.text === ',' || token.text === closing)) return;
    this.fail(`expected the end of the line, not ${this.describe(token)}`);
  }

  protected skipSeparators(): void {
    while (this.tokens[this.position].type === 'newline' || this.tokens[this.position].text === ',') this.position++;
  }

  protected skipNewlines(): void {
    while (this.tokens[this.position].type === 'newline') this.position++;
  }

  protected peek(): Token {
    return this.peekAt(0);
  }

  protected peekAt(offset: number): Token {
    let index = this.position;
    const ignore = this.newlinesIgnored[this.newlinesIgnored.length - 1];
    for (let seen = 0; ; index++) {
      if (ignore && this.tokens[index].type === 'newline') continue;
      if (seen === offset || this.tokens[index].type === 'end') return this.tokens[index];
      seen++;
    }
  }

  protected next(): Token {
    const token = this.peek();
    this.position = this.tokens.indexOf(token, this.position) + (token.type === 'end' ? 0 : 1);
    return token;
  }

  protected isPunctuation(text: string): boolean {
    const token = this.peek();
    return token.type === 'punctuation' && token.text === text;
  }

  protected expect(text: string): void {
    const token = this.next();
    if (token.type !== 'punctuation' || token.text !== text) {
      this.fail(`expected ${text}, not ${this.describe(token)}`, token);
    }
  }

  protected identifier(): string {
    const token = this.next();
    if (token.type !== 'identifier') this.fail(`expected a name, not ${this.describe(token)}`, token);
    return token.text;
  }

  protected describe(token: Token): string {
    return token.type === 'end' ? 'the end of the file' : token.type === 'newline' ? 'a line break' : `"${token.text}"`;
  }

  protected fail(message: string, token: Token = this.tokens[this.position]): never {
    throw new Error(`${this.where}:${token.line}: ${message}`);
  }
}
