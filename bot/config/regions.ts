import { z } from 'zod';
import { normalizeCountryCode } from '../domain/countries';
import { FALLBACK_CODE, type Region } from '../domain/routing';
import defaultRegions from './regions.default.json';
import { loadJsonFile } from './jsonFile';

const regionsSchema = z.object({
  regions: z
    .array(
      z.object({
        code: z
          .string()
          .regex(
            /^[a-z][a-z0-9-]{2,39}$/,
            'must be lower case, 3-40 letters, digits or "-" (two letters would read as a country)',
          )
          .refine((code) => code !== FALLBACK_CODE, `"${FALLBACK_CODE}" is reserved`),
        name: z.string().trim().min(1).max(100),
        countries: z
          .array(
            z
              .string()
              .transform(
                (c, ctx) =>
                  normalizeCountryCode(c) ??
                  (ctx.addIssue({ code: 'custom', message: `"${c}" is not an ISO-3166 alpha-2 code` }), c),
              ),
          )
          .min(1),
        managers: z.array(z.string().trim().min(1).max(200)).optional(),
        responders: z.array(z.string().trim().min(1).max(200)).optional(),
        responseFlow: z.enum(['direct', 'twoStep']).optional(),
      }),
    )
    .min(1)
    .refine((regions) => new Set(regions.map((r) => r.code)).size === regions.length, 'region codes must be unique'),
});

/** The regions from `REGIONS_FILE`, or the built-in ones; a bad file stops start-up with its problems. */
export function loadRegions(file: string): Region[] {
  return loadJsonFile('REGIONS_FILE', file, defaultRegions, regionsSchema).regions;
}
