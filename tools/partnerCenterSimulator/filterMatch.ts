import { DateTime } from 'luxon';
import type { ComparisonOperator, FilterExpression } from './odataFilter';

function compare(operator: ComparisonOperator, actual: string | number, wanted: string | number): boolean {
  switch (operator) {
    case 'eq':
      return actual === wanted;
    case 'ne':
      return actual !== wanted;
    case 'gt':
      return actual > wanted;
    case 'ge':
      return actual >= wanted;
    case 'lt':
      return actual < wanted;
    case 'le':
      return actual <= wanted;
  }
}

/**
 * Whether a referral (Partner Center's JSON) passes a parsed `$filter`. A field the
 * referral lacks is OData's null: it equals nothing, differs from everything, and is
 * neither greater nor less than anything.
 */
export function matchesFilter(expression: FilterExpression, referral: Record<string, unknown>): boolean {
  switch (expression.kind) {
    case 'and':
      return matchesFilter(expression.left, referral) && matchesFilter(expression.right, referral);
    case 'or':
      return matchesFilter(expression.left, referral) || matchesFilter(expression.right, referral);
    case 'compare': {
      const raw = referral[expression.field];
      let actual: string | number | undefined;
      if (expression.literal.type === 'datetime') {
        const instant = typeof raw === 'string' ? DateTime.fromISO(raw, { zone: 'utc' }) : undefined;
        actual = instant?.isValid ? instant.toMillis() : undefined;
      } else {
        actual = typeof raw === 'string' ? raw : undefined;
      }
      if (actual === undefined) return expression.operator === 'ne';
      return compare(expression.operator, actual, expression.literal.value);
    }
  }
}
