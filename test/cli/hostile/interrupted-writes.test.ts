import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 22, item 3: Ctrl-C or SIGTERM while reports are written leaves no `.<hex>.tmp` in --out.
const BIN = fileURLToPath(new URL('../../../bin/keysweep.js', import.meta.url));
const SLOW_WRITES = fileURLToPath(new URL('./support/slow-temp-writes.mjs', import.meta.url));
const NOW = ['--now', '2026-12-01T00:00:00Z'];

async function interruptWhileWriting(
  args: string[],
  signal: NodeJS.Signals,
  env: NodeJS.ProcessEnv = {},
  beforeKill: () => Promise<void> = async () => undefined,
): Promise<{ killedBy: NodeJS.Signals | null; code: number | null; temp: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', SLOW_WRITES, BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: tmpdir(), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const writing = new Promise<string>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /^writing (.+)$/m.exec(stderr);
      if (match) resolve(match[1]!);
    });
  });
  const exited = once(child, 'exit');
  const temp = await Promise.race([writing, exited.then(() => '')]);
  expect(temp, `the run ended before writing a report: ${stderr}`).not.toBe('');
  expect(existsSync(temp)).toBe(true);
  await beforeKill();
  child.kill(signal);
  const [code, killedBy] = (await exited) as [number | null, NodeJS.Signals | null];
  return { code, killedBy, temp, stderr };
}

describe('an interrupted scan or plan', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`scan: removes its temporary report files on ${signal} and still dies of it`, async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'ks-int-')), 'reports');
      const ended = await interruptWhileWriting(
        ['scan', '--demo', ...NOW, '--format', 'sarif,json,md,html,csv', '--out', out],
        signal,
      );
      expect({ code: ended.code, killedBy: ended.killedBy }).toEqual({ code: null, killedBy: signal });
      expect(existsSync(ended.temp)).toBe(false);
      expect((await readdir(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('scan with its findings spooled to disk: neither report temporaries nor the spool are left', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ks-int-'));
    const out = join(dir, 'reports');
    // A private TMPDIR: the spool is looked for there, and other tests' spools in the shared one are not disturbed.
    const spoolRoot = join(dir, 'tmp');
    await mkdir(spoolRoot);
    const ended = await interruptWhileWriting(
      ['scan', '--demo', ...NOW, '--format', 'sarif,json,md,html,csv', '--out', out],
      'SIGINT',
      { KEYSWEEP_SPILL_FINDINGS: '1', TMPDIR: spoolRoot },
      async () => {
        // The findings really are spooled while the reports are written.
        const spools = (await readdir(spoolRoot)).filter((n) => n.startsWith('keysweep-spool-'));
        expect(spools.length).toBeGreaterThan(0);
      },
    );
    expect(ended.killedBy).toBe('SIGINT');
    expect((await readdir(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // (tsx keeps its compile cache there too: only spools count.)
    expect((await readdir(spoolRoot)).filter((n) => n.startsWith('keysweep-spool-'))).toEqual([]);
  });

  it('plan: the kit directory holds no temporary file after SIGINT', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ks-int-')), 'kit');
    const ended = await interruptWhileWriting(['plan', '--demo', ...NOW, '--out', out], 'SIGINT');
    expect(ended.killedBy).toBe('SIGINT');
    // The kit is written into a staging directory beside --out, removed with everything in it.
    expect(ended.temp).toMatch(/\/\.kit\.new-[0-9a-f]{12}$/);
    expect(existsSync(ended.temp)).toBe(false);
    expect(await readdir(dirname(out))).toEqual([]);
  });
});
