import { z } from 'zod';

/** An ISO 4217 code, as Partner Center writes a deal's currency. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR');
