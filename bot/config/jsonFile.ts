import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from './config';

/**
 * A JSON settings file named by the environment `variable` (the built-in default when the
 * variable is empty), checked against `schema`; any problem stops start-up naming the
 * variable, the file and the problem.
 */
export function loadJsonFile<Schema extends z.ZodTypeAny>(
  variable: string,
  file: string,
  builtIn: unknown,
  schema: Schema,
): z.output<Schema> {
  let json: unknown = builtIn;
  if (file) {
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError([`${variable}: cannot read ${file}: ${(error as Error).message}`]);
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${variable} ${file || '(built-in)'}: ${issue.path.join('.')}: ${issue.message}`,
      ),
    );
  }
  return parsed.data;
}
