import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SNAPSHOT_PATH } from '../../src/demo/demo-snapshot.js';
import { HISTORY_SCHEMA_VERSION } from '../../src/history/history-schema.js';
import { loadSqlite } from '../../src/history/node-sqlite.js';
import { runKeysweep } from '../cli/run-cli.js';
import { spawnKeysweep } from '../cli/spawn-keysweep.js';
import { type DemoHistory, recordDemoHistory } from './demo-history.js';

const { DatabaseSync } = await loadSqlite('the history tests');
const sqlite3Available = spawnSync('sqlite3', ['-version']).status === 0;
const mustRun = process.env.CI === 'true';

let demo: DemoHistory;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ks-history-file-'));
  demo = await recordDemoHistory(dir);
}, 120_000);

describe('the history file', () => {
  it.runIf(sqlite3Available || mustRun)('opens in the sqlite3 command-line tool', () => {
    const query = (sql: string) =>
      execFileSync('sqlite3', ['-readonly', demo.history, sql], { encoding: 'utf8' }).trim();
    expect(query('PRAGMA integrity_check')).toBe('ok');
    expect(query('PRAGMA user_version')).toBe(String(HISTORY_SCHEMA_VERSION));
    expect(query('SELECT taken_at FROM scans ORDER BY taken_ms').split('\n')).toEqual(
      demo.reports.map((r) => r.scan.now),
    );
    // One row per scan and finding identity present, each a 16-byte digest stored once.
    expect(
      query('SELECT count(*) FROM scan_findings GROUP BY scan ORDER BY scan').split('\n').map(Number),
    ).toEqual(demo.reports.map((r) => r.findings.length));
    expect(query('SELECT DISTINCT length(digest) FROM identities')).toBe('16');
    const firstId = demo.reports[0]!.findings[0]!.id;
    expect(query(`SELECT count(*) FROM identities WHERE hex(digest) = upper('${firstId}')`)).toBe('1');
  });

  it('keeps node:sqlite’s ExperimentalWarning off the screen (a real process)', async () => {
    const run = await spawnKeysweep(['trend', '--history', demo.history, '--format', 'json'], {
      timeoutMs: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scans).toHaveLength(3);
  });

  it('a truncated file is exit 2 with one line naming it, and it is left as it was', async () => {
    const cut = join(dir, 'truncated.sqlite');
    await copyFile(demo.history, cut);
    const { size } = await stat(cut);
    await truncate(cut, Math.floor(size / 2));
    const bytes = await readFile(cut);
    for (const args of [
      ['trend', '--history', cut],
      ['scan', '--demo', '--now', '2026-12-11T00:00:00Z', '--out', join(dir, 'r-cut'), '--history', cut],
    ]) {
      const run = await runKeysweep(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(new RegExp(`^keysweep: ${cut}: truncated history file`));
    }
    expect(existsSync(join(dir, 'r-cut'))).toBe(false);
    expect((await readFile(cut)).equals(bytes)).toBe(true);
  });

  it('a file cut inside its header, a text file and another program’s SQLite database are exit 2, one line', async () => {
    const header = join(dir, 'header.sqlite');
    await writeFile(header, (await readFile(demo.history)).subarray(0, 60));
    const text = join(dir, 'text.sqlite');
    await writeFile(
      text,
      'not a database at all, just text that is long enough to be a header of one\n'.repeat(20),
    );
    const foreign = join(dir, 'foreign.sqlite');
    const db = new DatabaseSync(foreign);
    db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const expectations: Array<[string, RegExp]> = [
      [header, /not a SQLite database \(nor a keysweep history file\), or truncated$/],
      [text, /not a SQLite database \(nor a keysweep history file\)$/],
      [foreign, /not a keysweep history file/],
    ];
    for (const [file, message] of expectations) {
      const before = await readFile(file);
      const run = await runKeysweep([
        'history',
        'import',
        '--history',
        file,
        join(demo.reportDirs[0]!, 'report.json'),
      ]);
      expect(run.code, file).toBe(2);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toContain(`keysweep: ${file}: `);
      expect(run.stderr[0]).toMatch(message);
      expect((await readFile(file)).equals(before)).toBe(true);
    }
  });

  it('a file of a newer history schema is refused, not written', async () => {
    const newer = join(dir, 'newer.sqlite');
    await copyFile(demo.history, newer);
    const db = new DatabaseSync(newer);
    db.exec(`PRAGMA user_version = ${HISTORY_SCHEMA_VERSION + 1}`);
    db.close();
    const run = await runKeysweep(['trend', '--history', newer]);
    expect(run.code).toBe(2);
    expect(run.stderr).toEqual([
      `keysweep: ${newer}: history schema version ${HISTORY_SCHEMA_VERSION + 1} is newer than this keysweep reads (${HISTORY_SCHEMA_VERSION}); upgrade keysweep to use it`,
    ]);
  });

  it('a missing file is created by scan but refused by trend; a scan refused later creates nothing', async () => {
    const missing = join(dir, 'missing.sqlite');
    const run = await runKeysweep(['trend', '--history', missing]);
    expect(run).toMatchObject({ code: 2, stderr: [`keysweep: ${missing}: no such history file`] });
    const refused = await runKeysweep([
      'scan',
      '--demo',
      '--now',
      '2026-01-01T00:00:00Z',
      '--out',
      join(dir, 'r-refused'),
      '--history',
      missing,
    ]);
    expect(refused.code).toBe(2);
    expect(existsSync(missing)).toBe(false);
  });

  it('KEYSWEEP_HISTORY records a scan like --history', async () => {
    const file = join(dir, 'from-env.sqlite');
    const run = await spawnKeysweep(
      [
        'scan',
        '--demo',
        '--now',
        '2026-12-01T00:00:00Z',
        '--out',
        join(dir, 'r-env'),
        '--format',
        'json',
        '--quiet',
      ],
      { env: { KEYSWEEP_HISTORY: file }, cwd: dir, timeoutMs: 90_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const db = new DatabaseSync(file, { readOnly: true });
    expect(db.prepare('SELECT count(*) AS n FROM scans').get()).toEqual({ n: 1 });
    db.close();
  });

  it('two scans writing one file at once lose nothing', async () => {
    const file = join(dir, 'concurrent.sqlite');
    const snapshot = DEMO_SNAPSHOT_PATH;
    const scan = (now: string, out: string) =>
      spawnKeysweep(
        [
          'scan',
          '--snapshot',
          snapshot,
          '--now',
          now,
          '--out',
          join(dir, out),
          '--format',
          'json',
          '--history',
          file,
          '--quiet',
        ],
        { timeoutMs: 120_000 },
      );
    const runs = await Promise.all([
      scan('2026-12-01T00:00:00Z', 'r-a'),
      scan('2026-12-02T00:00:00Z', 'r-b'),
      scan('2026-12-03T00:00:00Z', 'r-c'),
    ]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
    }
    const counts = await Promise.all(
      ['r-a', 'r-b', 'r-c'].map(
        async (r) => JSON.parse(await readFile(join(dir, r, 'report.json'), 'utf8')).findings.length,
      ),
    );
    const db = new DatabaseSync(file, { readOnly: true });
    const rows = db
      .prepare(
        'SELECT s.taken_at AS at, count(f.identity) AS n FROM scans s LEFT JOIN scan_findings f ON f.scan = s.id GROUP BY s.id ORDER BY s.taken_ms',
      )
      .all();
    db.close();
    expect(rows).toEqual([
      { at: '2026-12-01T00:00:00.000Z', n: counts[0] },
      { at: '2026-12-02T00:00:00.000Z', n: counts[1] },
      { at: '2026-12-03T00:00:00.000Z', n: counts[2] },
    ]);
  }, 180_000);

  it('a scan waits for another writer holding the file, or fails cleanly when the wait runs out', async () => {
    const file = join(dir, 'locked.sqlite');
    await copyFile(demo.history, file);
    const holdFor = async (ms: number) => {
      const holder = spawn(
        process.execPath,
        [
          '--no-warnings',
          '-e',
          `const { DatabaseSync } = require('node:sqlite');
           const db = new DatabaseSync(${JSON.stringify(file)});
           db.exec('BEGIN IMMEDIATE');
           process.stdout.write('locked\\n');
           setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const exited = once(holder, 'exit');
      await once(holder.stdout, 'data');
      return { holder, exited };
    };
    const scanArgs = (now: string, out: string) => [
      'scan',
      '--demo',
      '--now',
      now,
      '--out',
      join(dir, out),
      '--format',
      'json',
      '--history',
      file,
      '--quiet',
    ];
    const first = await holdFor(1500);
    const started = Date.now();
    const waited = await runKeysweep(scanArgs('2026-12-20T00:00:00Z', 'r-waited'));
    expect(waited.stderr).toEqual([]);
    expect(waited.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await first.exited;

    const stubborn = await holdFor(8000);
    process.env.KEYSWEEP_HISTORY_BUSY_TIMEOUT_MS = '200';
    let gaveUp: Awaited<ReturnType<typeof runKeysweep>>;
    try {
      gaveUp = await runKeysweep(scanArgs('2026-12-27T00:00:00Z', 'r-gave-up'));
    } finally {
      delete process.env.KEYSWEEP_HISTORY_BUSY_TIMEOUT_MS;
      stubborn.holder.kill();
    }
    expect(gaveUp.code).toBe(2);
    expect(gaveUp.stderr).toEqual([
      `keysweep: ${file}: another keysweep is writing it and did not finish in time (KEYSWEEP_HISTORY_BUSY_TIMEOUT_MS)`,
    ]);
    expect(existsSync(join(dir, 'r-gave-up'))).toBe(false);
    const db = new DatabaseSync(file, { readOnly: true });
    expect(
      db
        .prepare('SELECT taken_at FROM scans ORDER BY taken_ms')
        .all()
        .map((r) => r.taken_at),
    ).toEqual([...demo.reports.map((r) => r.scan.now), '2026-12-20T00:00:00.000Z']);
    db.close();
  }, 60_000);
});
