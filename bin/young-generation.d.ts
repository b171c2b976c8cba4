// Types of young-generation.js (plain JavaScript: bin/ runs before any build).
export const SEMI_SPACE_FLAG: string;
export const LARGE_SNAPSHOT_BYTES: number;
export const HEAP_BYTES_PER_SNAPSHOT_BYTE: number;
export const MIN_HEAP_BYTES_PER_SNAPSHOT_BYTE: number;
export const NON_HEAP_BYTES: number;
export class SnapshotTooLargeError extends Error {}
export function availableMemory(env?: NodeJS.ProcessEnv): number;
export function heapCapFlag(size: number, memory: number, snapshotPath: string): string;
export function youngGenerationFlags(
  args: readonly string[],
  options?: { env?: NodeJS.ProcessEnv; execArgv?: readonly string[]; cwd?: string; memory?: number },
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
