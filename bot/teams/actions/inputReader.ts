import type { FieldProblem } from '../../domain/errors';

/**
 * Reads the values of an `Action.Execute` (the action's data merged with the card's
 * inputs). The client checks them too, but stale cards, other clients and crafted
 * requests reach the bot unchecked. This reads and checks the shape of each field; the
 * lifecycle rules (required deal details, positive values, dates) are the domain's.
 */
export class InputReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly data: Record<string, unknown>) {}

  static of(value: unknown): InputReader {
    return new InputReader(value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  }

  text(field: string, options: { required: true; max: number }): string;
  text(field: string, options: { required?: false; max: number }): string | undefined;
  text(field: string, options: { required?: boolean; max: number }): string | undefined {
    const raw = this.data[field];
    const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
    if (!value) {
      if (options.required) this.problems.push({ field, problem: 'required' });
      return options.required ? '' : undefined;
    }
    if (value.length > options.max) this.problems.push({ field, problem: 'tooLong' });
    return value;
  }

  /** A yes/no value, sent as a boolean or as "true"/"false"; `fallback` when missing or neither. */
  flag(field: string, fallback: boolean): boolean {
    const raw = this.data[field];
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
    return fallback;
  }

  /** A number, or NaN when it is missing or not one (the lifecycle rules name the problem). */
  number(field: string): number {
    const text = this.text(field, { max: 40 });
    return text ? Number(text.replace(/[\s,]/g, '')) : NaN;
  }
}
