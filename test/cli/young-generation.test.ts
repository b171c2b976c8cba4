import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  HEAP_BYTES_PER_SNAPSHOT_BYTE,
  heapCapFlag,
  LARGE_SNAPSHOT_BYTES,
  relaunch,
  SEMI_SPACE_FLAG,
  SnapshotTooLargeError,
  youngGenerationFlags,
} from '../../bin/young-generation.js';
import { HEAP_BYTES_PER_SNAPSHOT_BYTE as HEADROOM_HEAP_PER_BYTE } from '../../src/cli/heap-headroom.js';
import { DEMO_SNAPSHOT_PATH } from '../../src/demo/demo-snapshot.js';
import { SPILL_AT_ONCE_SNAPSHOT_BYTES } from '../../src/report/spool/spilling-sink.js';
import { spawnKeysweep } from './spawn-keysweep.js';

const ANY_SIZE = { KEYSWEEP_RELAUNCH_SNAPSHOT_BYTES: '0' };
const GiB = 2 ** 30;
const MiB = 2 ** 20;
/** The demo snapshot is small: the heap cap's floor. */
const CAP = '--max-old-space-size=1024';

describe('bin/young-generation.js: when a scan runs again with a larger young generation', () => {
  const decide = (args: string[], env: NodeJS.ProcessEnv = ANY_SIZE, execArgv: string[] = []) =>
    youngGenerationFlags(args, { env, execArgv, memory: 16 * GiB });

  it('does for a scan of a snapshot at or above the size, in either spelling of --snapshot', () => {
    expect(decide(['scan', '--snapshot', DEMO_SNAPSHOT_PATH])).toEqual([SEMI_SPACE_FLAG, CAP]);
    expect(decide(['scan', '--format', 'json', `--snapshot=${DEMO_SNAPSHOT_PATH}`])).toEqual([
      SEMI_SPACE_FLAG,
      CAP,
    ]);
  });

  it('does not for a smaller snapshot, other commands, a missing file, or when told not to', () => {
    expect(decide(['scan', '--snapshot', DEMO_SNAPSHOT_PATH], {})).toBeNull();
    expect(decide(['plan', '--snapshot', DEMO_SNAPSHOT_PATH])).toBeNull();
    expect(decide(['scan', '--demo'])).toBeNull();
    expect(decide(['scan', '--', '--snapshot', DEMO_SNAPSHOT_PATH])).toBeNull();
    expect(decide(['scan', '--snapshot', '/nonexistent/snapshot.json'])).toBeNull();
    expect(
      decide(['scan', '--snapshot', DEMO_SNAPSHOT_PATH], { KEYSWEEP_RELAUNCH_SNAPSHOT_BYTES: 'off' }),
    ).toBeNull();
  });

  it('adds only what was not given already (NODE_OPTIONS, node flags, an earlier relaunch)', () => {
    const args = ['scan', '--snapshot', DEMO_SNAPSHOT_PATH];
    expect(decide(args, { ...ANY_SIZE, NODE_OPTIONS: '--max-semi-space-size=32' })).toEqual([CAP]);
    expect(decide(args, { ...ANY_SIZE, NODE_OPTIONS: '--max-old-space-size=3000' })).toEqual([
      SEMI_SPACE_FLAG,
    ]);
    expect(decide(args, ANY_SIZE, [SEMI_SPACE_FLAG, CAP])).toBeNull();
    expect(
      decide(args, { ...ANY_SIZE, NODE_OPTIONS: '--max-semi-space-size=32 --max-old-space-size=3000' }),
    ).toBeNull();
  });

  it('caps the heap at 1.5 x the snapshot, less on a smaller machine, and refuses what cannot fit', () => {
    expect(HEAP_BYTES_PER_SNAPSHOT_BYTE).toBe(HEADROOM_HEAP_PER_BYTE);
    // A 1M-user snapshot (1015 MiB): the 1.5 GiB heap it was measured in.
    expect(heapCapFlag(1015 * MiB, 16 * GiB, 'big.json')).toBe('--max-old-space-size=1536');
    expect(heapCapFlag(300 * MiB, 16 * GiB, 'mid.json')).toBe('--max-old-space-size=1024');
    // 2 GiB of memory: what is left after 512 MiB for the rest of the process, still ≥ 1.1 x the snapshot.
    expect(heapCapFlag(1200 * MiB, 2 * GiB, 'big.json')).toBe('--max-old-space-size=1536');
    expect(() => heapCapFlag(1015 * MiB, 1.5 * GiB, 'a\nb.json')).toThrow(SnapshotTooLargeError);
    expect(() => heapCapFlag(1015 * MiB, 1.5 * GiB, 'a\nb.json')).toThrow(
      /^keysweep: "a\\nb\.json" \(1015 MiB\) needs about 1\.6 GiB of memory to scan and this machine has 1\.5 GiB: .*--shard K\/N/,
    );
  });

  it('says so in one line, exit 2, before reading the snapshot, when it cannot fit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-heapcap-'));
    try {
      const run = await spawnKeysweep(['scan', '--snapshot', DEMO_SNAPSHOT_PATH, '--out', join(dir, 'out')], {
        env: {
          ...process.env,
          KEYSWEEP_RELAUNCH_SNAPSHOT_BYTES: '0',
          KEYSWEEP_MEMORY_BYTES: String(64 * MiB),
        },
      });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(
        /^keysweep: ".*demo-org\.json" \(\d+ MiB\) needs about .* GiB of memory to scan/,
      );
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts at the snapshot size from which a scan spools its findings at once', () => {
    expect(LARGE_SNAPSHOT_BYTES).toBe(SPILL_AT_ONCE_SNAPSHOT_BYTES);
    expect(LARGE_SNAPSHOT_BYTES).toBe(256 * 2 ** 20);
  });
});

describe('relaunch: when the child cannot be started', () => {
  it('scans in this process instead, and stops passing signals on', async () => {
    const child = Object.assign(new EventEmitter(), { pid: undefined, kill: vi.fn() });
    const proc = Object.assign(new EventEmitter(), {
      execPath: '/node',
      execArgv: [],
      stderr: { write: vi.fn() },
      exit: vi.fn(),
      kill: vi.fn(),
      pid: 1,
    });
    const spawn = vi.fn(() => child);
    const runHere = vi.fn();
    relaunch([SEMI_SPACE_FLAG], 'bin/keysweep.js', ['scan'], {
      spawn: spawn as never,
      runHere,
      proc: proc as unknown as NodeJS.Process,
    });
    expect(spawn).toHaveBeenCalledWith('/node', [SEMI_SPACE_FLAG, 'bin/keysweep.js', 'scan'], {
      stdio: 'inherit',
    });
    expect(proc.listenerCount('SIGTERM')).toBe(1);
    child.emit('error', Object.assign(new Error('spawn EAGAIN'), { code: 'EAGAIN' }));
    expect(runHere).toHaveBeenCalledTimes(1);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
    expect(proc.stderr.write).toHaveBeenCalledWith(
      expect.stringContaining('could not start a child process (EAGAIN)'),
    );
    expect(proc.exit).not.toHaveBeenCalled();
  });

  it('does not scan twice when a started child reports an error (a failed kill)', () => {
    const child = Object.assign(new EventEmitter(), { pid: 4242, kill: vi.fn() });
    const proc = Object.assign(new EventEmitter(), {
      execPath: '/node',
      execArgv: [],
      stderr: { write: vi.fn() },
    });
    const runHere = vi.fn();
    relaunch([SEMI_SPACE_FLAG], 'bin/keysweep.js', ['scan'], {
      spawn: (() => child) as never,
      runHere,
      proc: proc as unknown as NodeJS.Process,
    });
    child.emit('error', new Error('kill EPERM'));
    expect(runHere).not.toHaveBeenCalled();
  });
});

describe('bin/keysweep.js relaunched', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keysweep-relaunch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scan = (out: string, env: NodeJS.ProcessEnv) =>
    spawnKeysweep(
      [
        'scan',
        '--snapshot',
        DEMO_SNAPSHOT_PATH,
        '--format',
        'json,csv',
        '--out',
        join(dir, out),
        '--now',
        '2026-12-01T00:00:00Z',
      ],
      { env: { KEYSWEEP_DEBUG_ENTRY: '1', ...env }, timeoutMs: 60_000 },
    );

  it('writes the same reports and exits with the same status as a scan in one process', async () => {
    const [relaunched, direct] = await Promise.all([scan('relaunched', ANY_SIZE), scan('direct', {})]);
    expect(relaunched.stderr).toContain(`keysweep: relaunched with ${SEMI_SPACE_FLAG}`);
    expect(direct.stderr).not.toContain('relaunched');
    expect(direct.code).toBe(1); // the demo has high findings
    expect(relaunched.code).toBe(direct.code);
    expect(relaunched.stdout.replaceAll('/relaunched/', '/direct/')).toBe(direct.stdout);
    for (const file of ['report.json', 'report.csv']) {
      expect(readFileSync(join(dir, 'relaunched', file), 'utf8')).toBe(
        readFileSync(join(dir, 'direct', file), 'utf8'),
      );
    }
  });

  it('passes a signal sent to it alone on to the scan, and dies of it', { timeout: 30_000 }, async () => {
    const { spawn } = await import('node:child_process');
    const { outputOf } = await import('./spawn-keysweep.js');
    const bin = new URL('../../bin/keysweep.js', import.meta.url).pathname;
    const out = join(dir, 'signalled');
    const child = spawn(
      process.execPath,
      [bin, 'scan', '--snapshot', DEMO_SNAPSHOT_PATH, '--format', 'json', '--out', out],
      {
        env: { PATH: process.env.PATH, KEYSWEEP_DEBUG_ENTRY: '1', ...ANY_SIZE },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Once the child says which code it runs (it is past start-up), this process alone gets the signal.
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (/keysweep: (dist|source) /.test(said) && !child.killed) child.kill('SIGTERM');
    });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.once('exit', (_, signal) => done(signal)),
    );
    await outputOf(child);
    expect(await exited).toBe('SIGTERM');
    // Had the scan been left running on its own, it would have written its report by now (about 1 s).
    await new Promise((done) => setTimeout(done, 4000));
    expect(() => readdirSync(out)).toThrow();
  });
});
