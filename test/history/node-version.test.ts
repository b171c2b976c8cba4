import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHasSqlite } from '../../src/history/node-sqlite.js';
import { runKeysweep } from '../cli/run-cli.js';

// Runs on every Node: the *.sqlite.test.ts files are left out below 22.13 (vitest.config.ts), and this
// checks there that the history commands refuse in one line instead of half-working.
describe('the scan history and the Node.js version', () => {
  it('knows which Node.js versions have node:sqlite without a flag', () => {
    expect(['20.20.2', '22.12.0', '22.5.1', '23.3.0'].map((v) => nodeHasSqlite(v))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(['22.13.0', '22.23.3', '23.4.0', '24.0.0', '25.1.0'].map((v) => nodeHasSqlite(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it.runIf(!nodeHasSqlite())(
    'refuses trend, history import and scan --history in one line (exit 2), writing nothing',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ks-node-'));
      const history = join(dir, 'h.sqlite');
      const message = `needs Node.js ≥ 22.13 (node:sqlite); this is Node.js ${process.versions.node}`;
      for (const [args, flag] of [
        [['trend', '--history', history], '--history'],
        [['history', 'import', '--history', history, 'report.json'], '--history'],
        [['scan', '--demo', '--out', join(dir, 'r'), '--history', history], '--history'],
      ] as const) {
        const run = await runKeysweep([...args]);
        expect(run.code).toBe(2);
        expect(run.stderr).toEqual([`keysweep: ${flag} (a SQLite file) ${message}`]);
      }
      const { existsSync } = await import('node:fs');
      expect(existsSync(history)).toBe(false);
      expect(existsSync(join(dir, 'r'))).toBe(false);
    },
  );

  it.runIf(nodeHasSqlite())(
    'goes past the version check on this Node.js (the file is what is missing)',
    async () => {
      const missing = join(await mkdtemp(join(tmpdir(), 'ks-node-')), 'h.sqlite');
      const run = await runKeysweep(['trend', '--history', missing]);
      expect(run).toMatchObject({ code: 2, stderr: [`keysweep: ${missing}: no such history file`] });
    },
  );
});
