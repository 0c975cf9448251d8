import { z } from 'zod';
import { isCurrencyCode } from '../domain/validation';

/** An ISO 4217 code, as Partner Center writes a deal's currency (and the desk's forms check it). */
export const currencyCode = z.string().refine(isCurrencyCode, 'must be an ISO 4217 currency code such as EUR');
