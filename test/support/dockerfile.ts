/** Reads a Dockerfile into its build stages and instructions, for tests of what the image holds. */

/** One instruction: the keyword in capitals and its arguments (continuation lines joined). */
export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

/** A build stage: `FROM image AS name` and the instructions after it. */
export interface DockerStage {
  image: string;
  name?: string;
  instructions: DockerInstruction[];
}

export function parseDockerfile(text: string): DockerStage[] {
  const instructions: DockerInstruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (pending && line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    const piece = continued ? line.slice(0, -1).trim() : line;
    pending = pending ? { text: `${pending.text} ${piece}`, line: pending.line } : { text: piece, line: index + 1 };
    if (continued) return;
    const match = /^(\S+)\s*(.*)$/.exec(pending.text) as RegExpExecArray;
    instructions.push({ keyword: match[1].toUpperCase(), args: match[2], line: pending.line });
    pending = undefined;
  });
  const stages: DockerStage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image, as, name] = instruction.args.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') {
        throw new Error(`Dockerfile:${instruction.line}: ${instruction.keyword} before FROM`);
      }
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/** The command of an exec-form (JSON array) CMD or ENTRYPOINT; undefined for the shell form. */
export function execForm(args: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((part) => typeof part === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}
