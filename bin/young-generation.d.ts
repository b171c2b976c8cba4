// Types of young-generation.js (plain JavaScript: bin/ runs before any build).
export const SEMI_SPACE_FLAG: string;
export const LARGE_SNAPSHOT_BYTES: number;
export function youngGenerationFlags(
  args: readonly string[],
  options?: { env?: NodeJS.ProcessEnv; execArgv?: readonly string[]; cwd?: string },
): string[] | null;
export function relaunch(
  flags: readonly string[],
  script: string,
  args: readonly string[],
  options: {
    spawn?: (command: string, args: string[], options: object) => import('node:child_process').ChildProcess;
    runHere: () => unknown;
    proc?: NodeJS.Process;
  },
): void;
