import { DateTime } from 'luxon';
import type { FieldProblem } from '../../domain/errors';

/**
 * Reads the values of an `Action.Execute` (the action's data merged with the card's
 * inputs). The client checks them too, but stale cards, other clients and crafted
 * requests reach the bot unchecked, so every field is checked again here.
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

  number(field: string): number {
    const text = this.text(field, { required: true, max: 40 });
    if (!text) return NaN;
    const value = Number(text.replace(/[\s,]/g, ''));
    if (!Number.isFinite(value)) this.problems.push({ field, problem: 'notANumber' });
    return value;
  }

  /** A calendar date as the card's Input.Date sends it (yyyy-MM-dd). */
  date(field: string): string {
    const text = this.text(field, { required: true, max: 40 });
    if (text && !DateTime.fromISO(text, { zone: 'utc' }).isValid) this.problems.push({ field, problem: 'notADate' });
    return text;
  }

  choice<T extends string>(field: string, isAllowed: (value: string) => value is T): T {
    const text = this.text(field, { required: true, max: 100 });
    if (text && !isAllowed(text)) this.problems.push({ field, problem: 'unknownReason' });
    return text as T;
  }
}
