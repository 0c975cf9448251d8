import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A setting env.sample documents: its name and the value written after `=` (often empty). */
export interface SampleSetting {
  name: string;
  value: string;
  line: number;
}

/** The `NAME=value` lines of env.sample at the repository root, in order. */
export function envSampleSettings(root: string = join(__dirname, '..', '..')): SampleSetting[] {
  const lines = readFileSync(join(root, 'env.sample'), 'utf8').split('\n');
  return lines.flatMap((text, index) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(text.trim());
    return match ? [{ name: match[1], value: match[2].trim(), line: index + 1 }] : [];
  });
}
