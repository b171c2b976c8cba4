import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { outputOf } from '../../cli/spawn-keysweep.js';
import { FAKE_CREDENTIALS } from './build-moto-organization.js';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stderr lines keysweep wrote (the SDK's Node-version warning and other noise left out). */
  keysweepLines: string[];
}

/**
 * Runs `node bin/keysweep.js ARGS` as a user would, pointed at moto through AWS_ENDPOINT_URL with fake
 * credentials. Profile and other AWS variables of the machine are dropped so nothing reaches real AWS.
 */
export async function runKeysweepProcess(
  endpoint: string,
  args: string[],
  nodeArgs: string[] = [],
): Promise<ProcessRun> {
  const { code, stdout, stderr } = await outputOf(spawnKeysweep(endpoint, args, nodeArgs));
  const keysweepLines = stderr.split('\n').filter((line) => line.startsWith('keysweep'));
  return { code, stdout, stderr, keysweepLines };
}

/** The process itself, for tests that interrupt it (kill half-way, then --resume). */
export function spawnKeysweep(
  endpoint: string,
  args: string[],
  nodeArgs: string[] = [],
): ChildProcessByStdio<null, Readable, Readable> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_')) env[key] = value;
  }
  Object.assign(env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    // No shared config or credentials files: an engineer's real profile must never be picked up.
    AWS_CONFIG_FILE: '/nonexistent/keysweep-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/keysweep-test-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  return spawn(process.execPath, [...nodeArgs, 'bin/keysweep.js', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
