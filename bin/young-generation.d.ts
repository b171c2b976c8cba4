// Types of young-generation.js (plain JavaScript: bin/ runs before any build).
export const SEMI_SPACE_FLAG: string;
export const LARGE_SNAPSHOT_BYTES: number;
export function youngGenerationFlags(
  args: readonly string[],
  options?: { env?: NodeJS.ProcessEnv; execArgv?: readonly string[]; cwd?: string },
): string[] | null;
