import { z } from 'zod';
import type { ExchangeRates } from '../domain/exchangeRates';
import { currencyCode } from './currencySettings';
import { loadJsonFile } from './jsonFile';

const ratesSchema = z
  .record(z.string(), z.number().finite().positive('must be a positive number'))
  .superRefine((rates, ctx) => {
    for (const code of Object.keys(rates))
      if (!currencyCode.safeParse(code).success)
        ctx.addIssue({ code: 'custom', path: [code], message: 'must be an ISO 4217 currency code such as USD' });
  });

/**
 * The rates of `EXCHANGE_RATES_FILE` into `DIGEST_CURRENCY` (what one unit of each currency
 * is worth in it: `{ "USD": 0.92, "GBP": 1.17 }`); undefined when neither is set, as the
 * digest then compares no amounts across currencies. A bad file stops start-up, naming the
 * variable and the field.
 */
export function loadExchangeRates(currency: string, file: string): ExchangeRates | undefined {
  if (!currency || !file) return undefined;
  return { currency, rates: loadJsonFile('EXCHANGE_RATES_FILE', file, {}, ratesSchema) };
}
