import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CatalogSolution } from '../domain/solutions';
import { ConfigError } from './config';
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
    .refine((solutions) => new Set(solutions.map((s) => s.id)).size === solutions.length, 'solution ids must be unique'),
});

/** The partner's solutions from `SOLUTIONS_FILE`, or the built-in sample; a bad file stops start-up. */
export function loadSolutions(file: string): CatalogSolution[] {
  let json: unknown = defaultSolutions;
  if (file) {
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError([`SOLUTIONS_FILE: cannot read ${file}: ${(error as Error).message}`]);
    }
  }
  const parsed = solutionsSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `SOLUTIONS_FILE ${file || '(built-in)'}: ${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data.solutions;
}
