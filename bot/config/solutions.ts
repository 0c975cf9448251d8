import { z } from 'zod';
import type { CatalogSolution } from '../domain/solutions';
import { loadJsonFile } from './jsonFile';
import defaultSolutions from './solutions.default.json';

const solutionsSchema = z.object({
  solutions: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(100),
        name: z.string().trim().min(1).max(200),
        kind: z.enum(['solution', 'assessment']).default('solution'),
        incentiveEligible: z.boolean().default(false),
      }),
    )
    .min(1)
    .refine(
      (solutions) => new Set(solutions.map((s) => s.id)).size === solutions.length,
      'solution ids must be unique',
    ),
});

/** The partner's solutions from `SOLUTIONS_FILE`, or the built-in sample; a bad file stops start-up. */
export function loadSolutions(file: string): CatalogSolution[] {
  return loadJsonFile('SOLUTIONS_FILE', file, defaultSolutions, solutionsSchema).solutions;
}
