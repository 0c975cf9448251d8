import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

let validate: ValidateFunction | undefined;

/** The official Adaptive Card 1.5 schema from ../shared/schemas, compiled once. */
export function validateCard(card: unknown): string[] {
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../shared/schemas/adaptive-card-1.5.json'), 'utf8'));
    // Draft-06 names itself with `id`, which Ajv 8 rejects (see shared/schemas/README.md).
    delete schema.id;
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  return validate(card) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
