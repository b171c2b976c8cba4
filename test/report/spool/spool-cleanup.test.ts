import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HOLDER = fileURLToPath(new URL('./support/hold-spool.ts', import.meta.url));

describe('spool files of an interrupted scan', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`are removed on ${signal}, and the process still dies of it`, async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', HOLDER], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const dir = chunk.toString('utf8').trim();
      expect(dir).toMatch(/keysweep-spool-/);
      expect(existsSync(dir)).toBe(true);
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code, killedBy] = (await exited) as [number | null, NodeJS.Signals | null];
      expect({ code, killedBy }).toEqual({ code: null, killedBy: signal });
      expect(existsSync(dir)).toBe(false);
    });
  }
});
