import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, COPY, CMD, … */
  op: string;
  /** The rest of the instruction, continuation lines joined. */
  args: string;
}

export interface DockerStage {
  from: string;
  name?: string;
  instructions: DockerInstruction[];
}

/**
 * The repository's Dockerfile split into stages (no container engine runs here, so tests read
 * it). Handles what it uses: comments, `\` continuations, `FROM image [AS name]`.
 */
export function readDockerfile(root: string): DockerStage[] {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: DockerStage[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const op = match[1].toUpperCase();
    const args = match[2].trim();
    if (op === 'FROM') {
      const [from, , name] = args.split(/\s+/);
      stages.push({ from, name, instructions: [] });
    } else stages.at(-1)?.instructions.push({ op, args });
  }
  return stages;
}

/** The exec-form CMD of a stage (`CMD ["node", …]`). */
export function execCommand(stage: DockerStage): string[] {
  const cmd = stage.instructions.filter((i) => i.op === 'CMD').at(-1);
  if (!cmd?.args.startsWith('[')) throw new Error('the Dockerfile has no exec-form CMD');
  return JSON.parse(cmd.args) as string[];
}
