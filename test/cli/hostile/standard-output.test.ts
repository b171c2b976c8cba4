import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 22, item 2: a standard output that fails is handled once, for every command.
const BIN = fileURLToPath(new URL('../../../bin/keysweep.js', import.meta.url));
const NOW = ['--now', '2026-12-01T00:00:00Z'];

interface Ended {
  code: number | null;
  stderr: string;
}

/** Runs keysweep with standard output on `stdout` (a file descriptor) or a pipe closed before it writes. */
async function run(args: string[], stdout: number | 'closed-pipe'): Promise<Ended> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: tmpdir() },
    stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, 'pipe'],
  });
  // The reader goes away at once, as `| head -1` does once it has its line.
  child.stdout?.destroy();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stderr };
}

describe('standard output', () => {
  it('full (>/dev/full): exit 2 and one line naming standard output (was exit 1, an unhandled error)', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ks-full-')), 'reports');
    const full = openSync('/dev/full', 'w');
    try {
      const ended = await run(['scan', '--demo', ...NOW, '--fail-on', 'none', '--out', out], full);
      expect(ended.stderr).toBe(
        'keysweep: cannot write standard output: no space left on the device (ENOSPC)\n',
      );
      expect(ended.code).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  const closedPipeCases: Array<[string, string[], number]> = [
    ['plan (exit 0)', ['plan', '--demo', ...NOW], 0],
    ['rules (exit 0)', ['rules'], 0],
    ['access, the data itself (exit 0)', ['access', '--demo'], 0],
    ['scan keeps its own status (1: findings)', ['scan', '--demo', ...NOW], 1],
  ];
  for (const [name, args, status] of closedPipeCases) {
    it(`closed by its reader (| head -1): a quiet end with the command's status: ${name}`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ks-pipe-'));
      const outArgs = args[0] === 'plan' || args[0] === 'scan' ? ['--out', join(dir, 'out')] : [];
      const ended = await run([...args, ...outArgs], 'closed-pipe');
      expect(ended.stderr).toBe('');
      expect(ended.code).toBe(status);
      // What goes to files is still written whole.
      if (outArgs.length > 0) expect(existsSync(join(dir, 'out'))).toBe(true);
    });
  }
});
