import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/keysweep.js', import.meta.url));

export interface SpawnedRun {
  /** null when the process had to be killed. */
  code: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/keysweep.js ARGS` as a user would, with exactly the environment given (plus PATH), and
 * kills it after `timeoutMs`: a test of "must not hang" has to end either way.
 */
export async function spawnKeysweep(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<SpawnedRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs ?? 20_000);
  const output = await outputOf(child);
  clearTimeout(timer);
  return { ...output, timedOut };
}

/** Everything a spawned process wrote, and its exit code, once it has closed. */
export async function outputOf(
  child: ChildProcessByStdio<null, Readable, Readable>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

/**
 * An environment where the SDK finds no credentials and could reach nothing: no profile files, no
 * instance metadata, and an endpoint on a closed loopback port (so even a bug could not reach AWS).
 */
export function noCredentialsEnv(home: string): NodeJS.ProcessEnv {
  return {
    HOME: home,
    AWS_CONFIG_FILE: '/nonexistent/keysweep-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/keysweep-test-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  };
}
