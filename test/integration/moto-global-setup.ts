import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startUsageStub } from './support/usage-stub.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * http://127.0.0.1:PORT of moto behind the usage stub (support/usage-stub.ts answers the service last
     * accessed and Access Analyzer calls moto lacks), or null when moto_server is not installed (outside CI).
     */
    motoEndpoint: string | null;
  }
}

const STARTUP_LIMIT_MS = 60_000;

function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** A port the OS says is free on loopback; moto binds it right after, so a clash is unlikely. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`moto_server did not answer on ${url} within ${STARTUP_LIMIT_MS / 1000} s:\n${output()}`);
}

/**
 * Starts moto_server on a free loopback port for the integration project and stops it afterwards.
 * Under CI=true a missing moto_server fails the run: a skipped integration suite must never look green.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const binary = findOnPath('moto_server');
  if (!binary) {
    const message = "moto_server is not on PATH: install it with pip install 'moto[server]'";
    if (process.env.CI === 'true') throw new Error(`${message} (required under CI=true)`);
    console.warn(`integration tests skipped: ${message}`);
    project.provide('motoEndpoint', null);
    return undefined;
  }
  const port = await freeLoopbackPort();
  const child = spawn(binary, ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const exited = once(child, 'exit');
    const timeout = new Promise((resolve) => setTimeout(resolve, 5_000));
    if ((await Promise.race([exited.then(() => 'exited'), timeout])) !== 'exited') child.kill('SIGKILL');
  };
  try {
    await waitUntilAnswering(`${endpoint}/moto-api/`, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  const stub = await startUsageStub(endpoint);
  project.provide('motoEndpoint', stub.endpoint);
  return async () => {
    await stub.close();
    await stop();
  };
}
