/**
 * Configured exchange rates: what one unit of each currency is worth in the digest's
 * currency, so that deals in different currencies can be compared.
 */
export interface ExchangeRates {
  /** ISO code of the currency values are compared in. */
  currency: string;
  /** ISO code → value of one unit in `currency`. */
  rates: Readonly<Record<string, number>>;
}

/**
 * A value in the rates' currency: as it is when already in it, undefined when its currency
 * is unknown or has no rate (such a value cannot be compared honestly). Pure.
 */
export function convertedValue(value: number, currency: string | undefined, rates: ExchangeRates): number | undefined {
  if (!currency) return undefined;
  if (currency === rates.currency) return value;
  const rate = rates.rates[currency];
  return rate === undefined ? undefined : value * rate;
}
